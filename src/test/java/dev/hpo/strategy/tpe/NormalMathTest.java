package dev.hpo.strategy.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalMathTest {

    @Test
    void cdfMatchesKnownValues() {
        assertThat(NormalMath.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(NormalMath.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-7));
        assertThat(NormalMath.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-7));
    }

    @Test
    void inverseCdfUndoesCdfFromTailToTail() {
        for (double p : new double[] {1e-12, 1e-6, 0.001, 0.02, 0.3, 0.5, 0.77, 0.98, 0.999999}) {
            double z = NormalMath.inverseCdf(p);
            assertThat(NormalMath.cdf(z)).isCloseTo(p, within(p * 1e-5 + 1e-9));
        }
    }

    @Test
    void logMassAgreesWithCdfDifferenceInTheBulk() {
        double[][] intervals = {{-0.1, 0.05}, {-2, 1}, {0.3, 0.9}, {-3, -2.5}, {1, 1.001}};
        for (double[] interval : intervals) {
            double expected = NormalMath.cdf(interval[1]) - NormalMath.cdf(interval[0]);
            assertThat(Math.exp(NormalMath.logMass(interval[0], interval[1])))
                    .isCloseTo(expected, within(expected * 1e-4 + 1e-9));
        }
    }

    @Test
    void logMassStaysFiniteDeepInTheTail() {
        // P(40 < Z < 41) ~ exp(-800): far below a double, but its log is what the model needs
        double log = NormalMath.logMass(40, 41);
        assertThat(log).isFinite().isCloseTo(-800 - Math.log(40 * Math.sqrt(2 * Math.PI)), within(0.05));
        assertThat(NormalMath.logMass(-41, -40)).isCloseTo(log, within(1e-9));
    }

    @Test
    void truncatedSamplesStayInsideTheirInterval() {
        for (double u = 0; u < 1; u += 0.05) {
            assertThat(NormalMath.truncatedSample(-0.5, 2, u)).isBetween(-0.5, 2.0);
            assertThat(NormalMath.truncatedSample(5, 6, u)).isBetween(5.0, 6.0);
            assertThat(NormalMath.truncatedSample(-9, -8, u)).isBetween(-9.0, -8.0);
        }
        assertThat(NormalMath.truncatedSample(-1, 1, 0.5)).isCloseTo(0, within(1e-6));
    }
}
