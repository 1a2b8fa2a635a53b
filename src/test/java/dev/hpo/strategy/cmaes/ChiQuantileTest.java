package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiQuantileTest {

    @Test
    void matchesClosedFormsInOneAndTwoDimensions() {
        // one dimension: |z| <= 1 with probability erf(1 / sqrt 2) = 0.682689492
        assertThat(ChiQuantile.cdf(1, 1)).isCloseTo(0.682689492137, within(1e-9));
        // two dimensions: P(|z| <= r) = 1 - exp(-r^2 / 2), so the median is sqrt(2 ln 2)
        assertThat(ChiQuantile.of(2, 0.5)).isCloseTo(Math.sqrt(2 * Math.log(2)), within(1e-9));
        assertThat(ChiQuantile.cdf(2, 3)).isCloseTo(1 - Math.exp(-4.5), within(1e-12));
    }

    @Test
    void invertsTheDistributionInHigherDimensions() {
        for (int n : new int[] {3, 5, 6, 10, 40}) {
            for (double p : new double[] {0.01, 0.3, 0.5, 0.9, 0.999}) {
                assertThat(ChiQuantile.cdf(n, ChiQuantile.of(n, p))).isCloseTo(p, within(1e-10));
            }
        }
        // chi with 4 degrees of freedom: P(|z| <= r) = 1 - exp(-r^2 / 2) (1 + r^2 / 2)
        assertThat(ChiQuantile.cdf(4, 2)).isCloseTo(1 - Math.exp(-2) * 3, within(1e-12));
    }
}
