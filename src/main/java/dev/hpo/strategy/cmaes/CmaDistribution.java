package dev.hpo.strategy.cmaes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The search distribution {@code N(mean, sigma^2 C)} with its evolution paths, in normalised coordinates.
 *
 * @param generation  generations completed since the last (re)start
 * @param mean        the distribution's centre
 * @param sigma       the global step size
 * @param covariance  the covariance matrix {@code C}
 * @param pathC       the rank-one evolution path {@code p_c}
 * @param pathSigma   the conjugate evolution path {@code p_sigma}
 * @param marginScale per-dimension scale {@code A} of the margin (1 for continuous dimensions); it widens only
 *                    the values sampled for evaluation, never the distribution the update learns
 */
record CmaDistribution(int generation, double[] mean, double sigma, double[][] covariance, double[] pathC,
                       double[] pathSigma, double[] marginScale) {

    /** Eigenvalues below this are lifted to it, so a nearly singular C still samples. */
    private static final double MIN_EIGENVALUE = 1e-300;

    static CmaDistribution start(double[] mean, double sigma) {
        double[] ones = new double[mean.length];
        java.util.Arrays.fill(ones, 1);
        return start(mean, sigma, ones);
    }

    /** A fresh distribution whose dimension {@code i} has standard deviation {@code sigma * scales[i]}. */
    static CmaDistribution start(double[] mean, double sigma, double[] scales) {
        int n = mean.length;
        double[][] covariance = new double[n][n];
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            covariance[i][i] = scales[i] * scales[i];
            ones[i] = 1;
        }
        return new CmaDistribution(0, mean.clone(), sigma, covariance, new double[n], new double[n], ones);
    }

    int dimension() {
        return mean.length;
    }

    /** {@code B} and {@code D} of {@code C = B D^2 B^T}. */
    Decomposition decompose() {
        SymmetricEigen eigen = SymmetricEigen.of(covariance);
        double[] d = new double[mean.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(Math.max(eigen.values()[i], MIN_EIGENVALUE));
        }
        return new Decomposition(eigen.vectors(), d);
    }

    /**
     * One raw sample {@code mean + sigma B D z} inside [0, 1]^n: resampled up to {@code maxResampling} times when
     * it falls outside (which keeps the distribution's shape), then clipped to the box as a last resort.
     */
    double[] sample(UniformRandomProvider random, int maxResampling) {
        return sample(null, random, maxResampling, 1);
    }

    /**
     * As {@link #sample(UniformRandomProvider, int)}, but the first attempt is {@code mean + sigma B D z} for the
     * given standard-normal {@code z} (one of a generation's {@link OrthogonalDraws}; null draws it here), and the
     * step is {@code widen} times the distribution's ({@code mean + widen sigma B D z}).
     */
    double[] sample(double[] z, UniformRandomProvider random, int maxResampling, double widen) {
        Decomposition bd = decompose();
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        double[] x = null;
        for (int attempt = 0; attempt <= maxResampling; attempt++) {
            x = attempt == 0 && z != null ? draw(bd, z, widen) : draw(bd, gaussian, widen);
            if (inBox(x)) {
                return x;
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(1, Math.max(0, x[i]));
        }
        return x;
    }

    private double[] draw(Decomposition bd, ZigguratSampler.NormalizedGaussian gaussian, double widen) {
        double[] z = new double[mean.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = gaussian.sample();
        }
        return draw(bd, z, widen);
    }

    private double[] draw(Decomposition bd, double[] z, double widen) {
        int n = mean.length;
        double[] dz = new double[n];
        for (int i = 0; i < n; i++) {
            dz[i] = bd.d()[i] * z[i];
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double y = 0;
            for (int j = 0; j < n; j++) {
                y += bd.b()[i][j] * dz[j];
            }
            x[i] = mean[i] + widen * sigma * y;
        }
        return x;
    }

    private static boolean inBox(double[] x) {
        for (double v : x) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
        }
        return true;
    }

    /** The point evaluated for a raw sample: discrete coordinates widened by the margin scale around the mean. */
    double[] evaluated(double[] x) {
        double[] encoded = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            encoded[i] = Math.min(1, Math.max(0, mean[i] + marginScale[i] * (x[i] - mean[i])));
        }
        return encoded;
    }

    Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("generation", generation);
        state.put("mean", StateValues.list(mean));
        state.put("sigma", sigma);
        state.put("covariance", StateValues.list(covariance));
        state.put("pathC", StateValues.list(pathC));
        state.put("pathSigma", StateValues.list(pathSigma));
        state.put("marginScale", StateValues.list(marginScale));
        return state;
    }

    @SuppressWarnings("unchecked")
    static CmaDistribution fromState(Object value) {
        Map<String, Object> state = (Map<String, Object>) value;
        return new CmaDistribution(StateValues.integer(state, "generation"), StateValues.vector(state.get("mean")),
                StateValues.number(state, "sigma"), StateValues.matrix(state.get("covariance")),
                StateValues.vector(state.get("pathC")), StateValues.vector(state.get("pathSigma")),
                StateValues.vector(state.get("marginScale")));
    }

    /** {@code C = B diag(d)^2 B^T}: eigenvectors in the columns of {@code b}, square roots of eigenvalues in {@code d}. */
    record Decomposition(double[][] b, double[] d) {

        /** {@code C^{-1/2} v = B D^{-1} B^T v}. */
        double[] inverseSqrtTimes(double[] v) {
            int n = v.length;
            double[] t = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += b[i][j] * v[i];
                }
                t[j] = s / d[j];
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += b[i][j] * t[j];
                }
                out[i] = s;
            }
            return out;
        }
    }
}
