package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class LogUniformRangeTest {

    private static final UniformRandomProvider RANDOM = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);

    @Test
    void rejectsBaseOneOrNonPositive() {
        assertThatThrownBy(() -> new LogUniformRange("lr", -5, -1, 1, null, true)).hasMessageContaining("base must be greater than 0 and not 1");
        assertThatThrownBy(() -> new LogUniformRange("lr", -5, -1, 0, null, true)).hasMessageContaining("base must be greater than 0");
        assertThatThrownBy(() -> new LogUniformRange("lr", -5, -1, Double.NaN, null, true)).hasMessageContaining("base must be a finite");
    }

    @Test
    void rejectsExponentsThatOverflow() {
        assertThatThrownBy(() -> new LogUniformRange("lr", 0, 400, 10, null, true)).hasMessageContaining("parameter 'lr': max gives");
    }

    @Test
    void gridValuesArePowersNotExponents() {
        SearchSpace space = new SearchSpace(List.of(new LogUniformRange("lr", -4, -1, 10, 1.0, true)));

        assertThat(UniformRangeTest.gridValues(space, "lr")).containsExactly(1e-4, 1e-3, 1e-2, 1e-1);
    }

    @Test
    void samplesArePowersInsideTheRange() {
        SearchSpace space = new SearchSpace(List.of(new LogUniformRange("lr", -5, -1, 10, null, true)));
        for (int i = 0; i < 500; i++) {
            assertThat((Double) space.sample(RANDOM).get("lr")).isBetween(1e-5, 1e-1);
        }
    }

    @Test
    void valueAtSnapsTheExponent() {
        LogUniformRange range = new LogUniformRange("lr", -4, -1, 10, 1.0, false);

        assertThat(range.valueAt(-2.3)).isEqualTo(1e-2);
        assertThat(range.valueAt(0)).isEqualTo(1e-2);
        assertThat(range.high()).isEqualTo(-2);
        assertThat(range.resolution()).isEqualTo(1);
    }

    @Test
    void coordinateOfIsTheLogarithmInTheBase() {
        LogUniformRange range = new LogUniformRange("lr", 0, 10, 2, null, true);

        assertThat(range.coordinateOf(8.0)).isCloseTo(3, within(1e-12));
        assertThat(range.valueAt(range.coordinateOf(8.0))).isEqualTo(8.0);
    }

    @Test
    void baseBelowOneExcludesItsMaxValue() {
        LogUniformRange range = new LogUniformRange("x", 0, 2, 0.5, null, false);

        double atMax = (Double) range.valueAt(2);
        assertThat(atMax).isGreaterThan(0.25).isLessThan(0.2500001);
    }

    @Test
    void coordinateOfOneIsPlusZeroForABaseBelowOne() {
        LogUniformRange range = new LogUniformRange("l", 0, 2, 0.5, null, true);

        assertThat(Double.doubleToRawLongBits(range.coordinateOf(1.0))).isEqualTo(Double.doubleToRawLongBits(0.0));
    }
}
