package dev.hpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DefaultBarsTest {

    @Test
    void halfSpreadIsTheDistanceBetweenTheMediansOfTheTwoHalvesOfTheSeeds() {
        // first half 1, 2, 9 (median 2), second half 4, 7, 5 (median 5)
        assertThat(DefaultBars.halfSpread(new double[] {1, 2, 9, 4, 7, 5})).isCloseTo(3, within(1e-12));
        assertThat(DefaultBars.halfSpread(new double[] {3, 3, 3, 3})).isZero();
    }

    @Test
    void pairedDifferenceIsPositiveOnlyWhenOneRowIsWorseOnEverySeed() {
        double[] better = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] worse = new double[better.length];
        for (int i = 0; i < better.length; i++) {
            worse[i] = better[i] + 5;
        }

        assertThat(DefaultBars.pairedDifference(worse, better)[0]).isGreaterThan(0);
        assertThat(DefaultBars.pairedDifference(better, better)).containsExactly(0, 0);
        assertThat(DefaultBars.pairedDifference(better, worse)[1]).isLessThan(0);
    }
}
