package dev.hpo.strategy.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The batched prediction (blocked forward substitution) against the textbook formulas solved by EJML directly. */
class PosteriorTest {

    private static final List<GpDimension> DIMENSIONS = List.of(
            new GpDimension("x", GpDimension.Kind.CONTINUOUS, 0), new GpDimension("y", GpDimension.Kind.CONTINUOUS, 0),
            new GpDimension("k", GpDimension.Kind.LATTICE, 5), new GpDimension("c", GpDimension.Kind.CATEGORICAL, 3));

    private static double[] point(UniformRandomProvider random) {
        return new double[] {random.nextDouble(), random.nextDouble(), (random.nextInt(5) + 0.5) / 5, random.nextInt(3)};
    }

    @Test
    void batchedMeansAndVariancesAreTheDirectSolution() {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
        // 37 rows: the blocked substitution's eight-row passes and the remainder both run
        int n = 37;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = point(random);
            y[i] = Math.sin(5 * x[i][0]) - x[i][1] + (x[i][3] == 2 ? 0.3 : 0);
        }
        Kernel kernel = new Kernel(DIMENSIONS);
        Hyper hyper = new Hyper(new double[] {0.5, -0.3, 0.2, 0.1, 0.4, Math.log(0.01)});
        Posterior posterior = Posterior.of(kernel, hyper, x, y);
        int m = 13;
        double[][] points = new double[m][];
        for (int c = 0; c < m; c++) {
            points[c] = c == 0 ? x[4].clone() : point(random);
        }
        double[] means = new double[m];
        double[] variances = new double[m];
        posterior.predict(points, means, variances);

        double[] w = hyper.w();
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double value = hyper.scale() * Kernel.matern(kernel.squaredDistance(x[a], x[b], w));
                k.set(a, b, a == b ? value + hyper.noise() : value);
            }
        }
        DMatrixRMaj alpha = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(k, new DMatrixRMaj(n, 1, true, y), alpha);
        for (int c = 0; c < m; c++) {
            DMatrixRMaj kStar = new DMatrixRMaj(n, 1);
            for (int a = 0; a < n; a++) {
                kStar.set(a, 0, hyper.scale() * Kernel.matern(kernel.squaredDistance(points[c], x[a], w)));
            }
            DMatrixRMaj solved = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.solve(k, kStar, solved);
            double mean = CommonOps_DDRM.dot(kStar, alpha);
            double variance = Math.max(1e-12, hyper.scale() - CommonOps_DDRM.dot(kStar, solved));
            assertThat(means[c]).as("mean %d", c).isCloseTo(mean, within(1e-9));
            assertThat(means[c]).as("mean %d one at a time", c).isCloseTo(posterior.mean(points[c]), within(1e-9));
            assertThat(variances[c]).as("variance %d", c).isCloseTo(variance, within(1e-9 * hyper.scale()));
        }
        // at an observed point the posterior is nearly certain: the variance is about the noise, not the prior's
        assertThat(variances[0]).isLessThan(0.05 * hyper.scale());
    }
}
