package dev.hpo.strategy.cmaes;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The standard-normal vectors {@code z} of one generation, drawn together so that they are mutually orthogonal
 * (orthogonal sampling, Wang, Emmerich and Bäck, "Mirrored orthogonal sampling for covariance matrix adaptation
 * evolution strategies", Evolutionary Computation 27(4), 2019).
 *
 * <p>In blocks of at most {@code n}: the block's Gaussian vectors are orthonormalised (Gram-Schmidt), and each
 * direction gets the length of another, independent n-dimensional Gaussian vector. Each vector alone is therefore
 * still exactly {@code N(0, I)} (a uniform direction times a chi-distributed length), so the CMA-ES update keeps its
 * meaning; together, a generation's samples point into different directions instead of clustering, which matters
 * when a whole run has only a dozen generations.
 */
final class OrthogonalDraws {

    private OrthogonalDraws() {
    }

    /**
     * {@code count} vectors of dimension {@code n}, orthogonal within each block of {@code n}; with
     * {@code stratifiedLengths} their lengths are the chi quantiles of {@code count} equal-probability strata, one
     * per vector in random order (each length alone is still chi-distributed).
     */
    static List<double[]> of(int n, int count, UniformRandomProvider random, boolean stratifiedLengths) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        double[] lengths = stratifiedLengths ? stratifiedLengths(n, count, random) : null;
        List<double[]> draws = new ArrayList<>(count);
        while (draws.size() < count) {
            int block = Math.min(n, count - draws.size());
            List<double[]> directions = new ArrayList<>(block);
            while (directions.size() < block) {
                double[] v = gaussianVector(n, gaussian);
                for (double[] u : directions) {
                    double dot = dot(u, v);
                    for (int i = 0; i < n; i++) {
                        v[i] -= dot * u[i];
                    }
                }
                double norm = Math.sqrt(dot(v, v));
                // A vector (almost) inside the span of the earlier ones has probability zero; draw it again.
                if (norm > 1e-12) {
                    for (int i = 0; i < n; i++) {
                        v[i] /= norm;
                    }
                    directions.add(v);
                }
            }
            for (double[] u : directions) {
                double length;
                if (lengths != null) {
                    length = lengths[draws.size()];
                } else {
                    double[] lengthSource = gaussianVector(n, gaussian);
                    length = Math.sqrt(dot(lengthSource, lengthSource));
                }
                for (int i = 0; i < n; i++) {
                    u[i] *= length;
                }
                draws.add(u);
            }
        }
        return draws;
    }

    private static double[] stratifiedLengths(int n, int count, UniformRandomProvider random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] lengths = new double[count];
        for (int i = 0; i < count; i++) {
            double p = (order[i] + random.nextDouble()) / count;
            lengths[i] = ChiQuantile.of(n, Math.min(1 - 1e-12, Math.max(1e-12, p)));
        }
        return lengths;
    }

    private static double[] gaussianVector(int n, ZigguratSampler.NormalizedGaussian gaussian) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = gaussian.sample();
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
