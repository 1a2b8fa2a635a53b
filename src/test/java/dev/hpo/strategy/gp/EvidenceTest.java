package dev.hpo.strategy.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final List<GpDimension> DIMENSIONS = List.of(
            new GpDimension("x", GpDimension.Kind.CONTINUOUS, 0), new GpDimension("k", GpDimension.Kind.LATTICE, 5),
            new GpDimension("c", GpDimension.Kind.CATEGORICAL, 3));

    private static Evidence evidence(int n, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(), (random.nextInt(5) + 0.5) / 5, random.nextInt(3)};
            y[i] = Math.sin(6 * x[i][0]) + x[i][1] + (x[i][2] == 1 ? 0.5 : 0) + 0.05 * random.nextDouble();
        }
        return new Evidence(new Kernel(DIMENSIONS), x, y);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Evidence evidence = evidence(25, 3);
        double[] theta = {0.3, -0.4, 0.1, 0.2, Math.log(0.02)};
        double[] gradient = new double[theta.length];
        evidence.value(theta, gradient);

        for (int i = 0; i < theta.length; i++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (evidence.value(up, new double[theta.length])
                    - evidence.value(down, new double[theta.length])) / (2 * h);
            assertThat(gradient[i]).as("d/dtheta[%d]", i).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void fittingLowersTheNegativeLogPosterior() {
        Evidence evidence = evidence(30, 5);
        double[] theta = Hyper.initial(3).theta().clone();
        double start = evidence.value(theta.clone(), new double[theta.length]);

        double fitted = Lbfgs.minimize(evidence::value, theta, Hyper.LOW, Hyper.HIGH, 60, 1e-4);

        assertThat(fitted).isLessThan(start);
        double[] gradient = new double[theta.length];
        assertThat(evidence.value(theta, gradient)).isCloseTo(fitted, within(1e-12));
    }
}
