package dev.hpo.strategy.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Rosenbrock's valley, minimum 0 at (1, 1). */
    private static double rosenbrock(double[] x, double[] g) {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    }

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        double[] x = {-1.2, 1};

        double value = Lbfgs.minimize(LbfgsTest::rosenbrock, x, -5, 5, 500, 1e-8);

        assertThat(value).isLessThan(1e-8);
        assertThat(x[0]).isCloseTo(1, within(1e-3));
        assertThat(x[1]).isCloseTo(1, within(1e-3));
    }

    @Test
    void stopsAtTheBoxWhenTheMinimumLiesOutside() {
        double[] x = {0, 0};

        Lbfgs.minimize((p, g) -> {
            g[0] = 2 * (p[0] - 3);
            g[1] = 2 * (p[1] + 3);
            return (p[0] - 3) * (p[0] - 3) + (p[1] + 3) * (p[1] + 3);
        }, x, -1, 1, 100, 1e-10);

        assertThat(x).containsExactly(1, -1);
    }
}
