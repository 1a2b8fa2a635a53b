package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class UniformRangeTest {

    private static final UniformRandomProvider RANDOM = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);

    @Test
    void rejectsMinAboveMax() {
        assertThatThrownBy(() -> new UniformRange("lr", 0.5, 0.3, null, true))
                .isInstanceOf(InvalidSpaceException.class)
                .hasMessage("parameter 'lr': max must be greater than min (0.3 <= 0.5)");
    }

    @Test
    void rejectsEqualMinAndMax() {
        assertThatThrownBy(() -> new UniformRange("lr", 1, 1, null, true)).isInstanceOf(InvalidSpaceException.class);
    }

    @Test
    void rejectsBlankName() {
        assertThatThrownBy(() -> new UniformRange(" ", 0, 1, null, true))
                .isInstanceOf(InvalidSpaceException.class).hasMessageContaining("name must not be blank");
    }

    @Test
    void rejectsNonFiniteBounds() {
        assertThatThrownBy(() -> new UniformRange("x", Double.NaN, 1, null, true)).hasMessageContaining("min must be a finite number");
        assertThatThrownBy(() -> new UniformRange("x", 0, Double.POSITIVE_INFINITY, null, true)).hasMessageContaining("max must be a finite number");
    }

    @Test
    void rejectsNonPositiveOrInfiniteStep() {
        assertThatThrownBy(() -> new UniformRange("x", 0, 1, 0.0, true)).hasMessageContaining("step must be greater than 0");
        assertThatThrownBy(() -> new UniformRange("x", 0, 1, -0.1, true)).hasMessageContaining("step must be greater than 0");
        assertThatThrownBy(() -> new UniformRange("x", 0, 1, Double.POSITIVE_INFINITY, true)).hasMessageContaining("step must be a finite");
    }

    @Test
    void rejectsStepTooSmallForTheRange() {
        assertThatThrownBy(() -> new UniformRange("x", 0, 1e6, 1e-12, true)).hasMessageContaining("step is too small for the range");
    }

    @Test
    void binaryNoiseInTheQuotientDoesNotDropAnOnLatticeMax() {
        // (0.3 - 0) / 0.1 is 2.9999999999999996 in doubles
        assertThat(gridValues(new SearchSpace(List.of(new UniformRange("x", 0, 0.3, 0.1, true))), "x")).containsExactly(0.0, 0.1, 0.2, 0.3);
        assertThat(gridValues(new SearchSpace(List.of(new UniformRange("x", 0, 0.3, 0.1, false))), "x")).containsExactly(0.0, 0.1, 0.2);
    }

    @Test
    void steppedGridIsTheLatticeUpToMaxNotMaxItself() {
        // given ClearML's quirk case: its grid ends in 0.3 and drops 0.26
        SearchSpace space = new SearchSpace(List.of(new UniformRange("x", 0.01, 0.3, 0.05, true)));

        // when
        List<Object> grid = gridValues(space, "x");

        // then
        assertThat(grid).containsExactly(0.01, 0.06, 0.11, 0.16, 0.21, 0.26);
    }

    @Test
    void steppedSamplingHoldsTheSameLatticeAsTheGrid() {
        SearchSpace space = new SearchSpace(List.of(new UniformRange("x", 0.01, 0.3, 0.05, true)));

        Set<Object> sampled = new TreeSet<>();
        for (int i = 0; i < 600; i++) {
            sampled.add(space.sample(RANDOM).get("x"));
        }

        assertThat(sampled).containsExactly(0.01, 0.06, 0.11, 0.16, 0.21, 0.26);
    }

    @Test
    void maxOnTheLatticeIsIncludedOnlyWhenAllowed() {
        assertThat(gridValues(new SearchSpace(List.of(new UniformRange("x", 0.01, 0.26, 0.05, true))), "x"))
                .containsExactly(0.01, 0.06, 0.11, 0.16, 0.21, 0.26);
        assertThat(gridValues(new SearchSpace(List.of(new UniformRange("x", 0.01, 0.26, 0.05, false))), "x"))
                .containsExactly(0.01, 0.06, 0.11, 0.16, 0.21);
    }

    @Test
    void continuousGridHasHundredIntervals() {
        assertThat(new SearchSpace(List.of(new UniformRange("x", 0, 1, null, true))).gridSize()).isEqualTo(101);
        assertThat(new SearchSpace(List.of(new UniformRange("x", 0, 1, null, false))).gridSize()).isEqualTo(100);
        List<Object> grid = gridValues(new SearchSpace(List.of(new UniformRange("x", 0, 1, null, true))), "x");
        assertThat(grid.get(37)).isEqualTo(0.37);
        assertThat(grid.get(100)).isEqualTo(1.0);
    }

    @Test
    void continuousSamplesStayInsideTheRange() {
        UniformRange range = new UniformRange("x", -2, 3, null, false);
        SearchSpace space = new SearchSpace(List.of(range));
        for (int i = 0; i < 1000; i++) {
            double x = (Double) space.sample(RANDOM).get("x");
            assertThat(x).isGreaterThanOrEqualTo(-2).isLessThan(3);
        }
    }

    @Test
    void valueAtClampsAndSnapsToTheLattice() {
        UniformRange range = new UniformRange("x", 0.01, 0.3, 0.05, true);

        assertThat(range.valueAt(0.132)).isEqualTo(0.11);
        assertThat(range.valueAt(0.29)).isEqualTo(0.26);
        assertThat(range.valueAt(-5)).isEqualTo(0.01);
        assertThat(range.high()).isEqualTo(0.26);
        assertThat(range.resolution()).isEqualTo(0.05);
    }

    @Test
    void continuousValueAtNeverReturnsAnExcludedMax() {
        UniformRange range = new UniformRange("x", 0, 1, null, false);

        assertThat(range.valueAt(7)).isEqualTo(Math.nextDown(1.0));
        assertThat(range.high()).isEqualTo(1.0);
        assertThat(range.resolution()).isZero();
    }

    @Test
    void coordinateOfIsTheValueItself() {
        assertThat(new UniformRange("x", 0, 1, null, true).coordinateOf(0.25)).isEqualTo(0.25);
    }

    static List<Object> gridValues(SearchSpace space, String name) {
        return java.util.stream.LongStream.range(0, space.gridSize()).mapToObj(i -> space.gridPoint(i).get(name)).toList();
    }

    @Test
    void rejectsARangeWhoseWidthOverflows() {
        assertThatThrownBy(() -> new UniformRange("x", -1.7e308, 1.7e308, null, true))
                .isInstanceOf(InvalidSpaceException.class)
                .hasMessageContaining("max - min must be a finite number");
    }
}
