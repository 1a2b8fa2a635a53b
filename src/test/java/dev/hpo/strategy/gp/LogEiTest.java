package dev.hpo.strategy.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogEiTest {

    /** h(z) = phi(z) + z Phi(z) from a plain numeric integral of Phi, for checking the closed forms. */
    private static double h(double z) {
        double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        // Phi(z) by Simpson's rule on [-12, z]
        int steps = 20_000;
        double a = -12;
        double width = (z - a) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double x = a + i * width;
            double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        }
        return phi + z * sum * width / 3;
    }

    @Test
    void matchesTheDirectFormulaWhereItIsAccurate() {
        for (double z : new double[] {-3, -1.5, -1, -0.5, 0, 0.7, 2, 4}) {
            assertThat(LogEi.logH(z)).as("z = %s", z).isCloseTo(Math.log(h(z)), within(1e-5));
        }
    }

    @Test
    void staysFiniteAndDecreasingFarInTheTailWhereEiUnderflows() {
        double previous = Double.POSITIVE_INFINITY;
        for (double z = -1; z > -200; z -= 0.5) {
            double value = LogEi.logH(z);
            assertThat(value).as("z = %s", z).isFinite().isLessThan(previous);
            previous = value;
        }
        // h(z) ~ phi(z) / z^2 far out: at z = -40 EI itself is about 1e-351, below the smallest double
        assertThat(LogEi.logH(-40)).isCloseTo(-800 - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(40), within(1e-2));
    }

    @Test
    void scaledComplementaryErrorFunctionMatchesKnownValues() {
        assertThat(LogEi.erfcx(0)).isCloseTo(1, within(1e-7));
        assertThat(LogEi.erfcx(1)).isCloseTo(0.4275835761558070, within(1e-7));
        assertThat(LogEi.erfcx(10)).isCloseTo(0.05614099274382259, within(1e-8));
        assertThat(LogEi.erfcx(-1)).isCloseTo(5.00898008076228, within(1e-6));
    }

    @Test
    void growsWithTheMeanBelowTheIncumbentAndWithUncertainty() {
        assertThat(LogEi.of(-1, 1, 0)).isGreaterThan(LogEi.of(0, 1, 0));
        assertThat(LogEi.of(1, 4, 0)).isGreaterThan(LogEi.of(1, 1, 0));
    }
}
