package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class IntegerRangeTest {

    private static final UniformRandomProvider RANDOM = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);

    @Test
    void rejectsStepBelowOne() {
        assertThatThrownBy(() -> new IntegerRange("n", 0, 10, 0, true))
                .isInstanceOf(InvalidSpaceException.class).hasMessage("parameter 'n': step must be at least 1 (0)");
    }

    @Test
    void rejectsMinNotBelowMax() {
        assertThatThrownBy(() -> new IntegerRange("n", 5, 5, 1, true)).hasMessageContaining("max must be greater than min (5 <= 5)");
    }

    @Test
    void rejectsRangeWiderThanLongs() {
        assertThatThrownBy(() -> new IntegerRange("n", Long.MIN_VALUE, Long.MAX_VALUE, 1, true)).isInstanceOf(InvalidSpaceException.class);
    }

    @Test
    void gridNeverAppendsAnOffLatticeMax() {
        // ClearML's grid gives [128, 256, 384, 500]
        SearchSpace space = new SearchSpace(List.of(new IntegerRange("batch", 128, 500, 128, true)));

        assertThat(UniformRangeTest.gridValues(space, "batch")).containsExactly(128L, 256L, 384L);
    }

    @Test
    void samplingNeverPassesMax() {
        // ClearML's sampler gives 512
        SearchSpace space = new SearchSpace(List.of(new IntegerRange("batch", 128, 500, 128, true)));
        Set<Object> sampled = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            sampled.add(space.sample(RANDOM).get("batch"));
        }
        assertThat(sampled).containsExactly(128L, 256L, 384L);
    }

    @Test
    void excludedMaxIsRemovedFromTheLattice() {
        SearchSpace space = new SearchSpace(List.of(new IntegerRange("n", 1, 5, 2, false)));

        assertThat(UniformRangeTest.gridValues(space, "n")).containsExactly(1L, 3L);
    }

    @Test
    void valueAtRoundsToTheNearestLatticeLong() {
        IntegerRange range = new IntegerRange("batch", 128, 500, 128, true);

        assertThat(range.valueAt(300)).isEqualTo(256L);
        assertThat(range.valueAt(1000)).isEqualTo(384L);
        assertThat(range.high()).isEqualTo(384);
        assertThat(range.low()).isEqualTo(128);
        assertThat(range.resolution()).isEqualTo(128);
        assertThat(range.coordinateOf(256L)).isEqualTo(256);
    }
}
