package dev.hpo.strategy.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The GP posterior over the latent function given the fitted hyper-parameters: mean {@code k*^T K^-1 y} and
 * variance {@code scale - |L^-1 k*|^2}, with {@code K = L L^T} factored once (EJML's Cholesky).
 */
final class Posterior {

    /** Variance floor: keeps log EI finite where the model is certain. */
    private static final double MIN_VARIANCE = 1e-12;

    private final Kernel kernel;
    private final Hyper hyper;
    private final double[] w;
    private final double[][] x;
    private final double[] y;
    private final double[] l;
    private final double[] alpha;

    private Posterior(Kernel kernel, Hyper hyper, double[][] x, double[] y, double[] l, double[] alpha) {
        this.kernel = kernel;
        this.hyper = hyper;
        this.w = hyper.w();
        this.x = x;
        this.y = y;
        this.l = l;
        this.alpha = alpha;
    }

    /** The posterior given {@code x, y}; the noise is raised tenfold until K factors (it always does eventually). */
    static Posterior of(Kernel kernel, Hyper hyper, double[][] x, double[] y) {
        int n = x.length;
        double[] w = hyper.w();
        double scale = hyper.scale();
        double noise = hyper.noise();
        for (int attempt = 0; ; attempt++) {
            DMatrixRMaj k = new DMatrixRMaj(n, n);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < a; b++) {
                    double value = scale * Kernel.matern(kernel.squaredDistance(x[a], x[b], w));
                    k.data[a * n + b] = value;
                    k.data[b * n + a] = value;
                }
                k.data[a * n + a] = scale + noise;
            }
            CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
            if (cholesky.decompose(k)) {
                double[] l = cholesky.getT().data;
                double[] alpha = y.clone();
                TriangularSolver_DDRM.solveL(l, alpha, n);
                TriangularSolver_DDRM.solveTranL(l, alpha, n);
                return new Posterior(kernel, hyper, x, y, l, alpha);
            }
            if (attempt > 20) {
                throw new IllegalStateException("covariance matrix does not factor");
            }
            noise = noise * 10 + scale * 1e-8;
        }
    }

    /** This posterior with {@code extra} points added at their posterior means (kriging believer). */
    Posterior believing(double[][] extra) {
        if (extra.length == 0) {
            return this;
        }
        double[][] xs = new double[x.length + extra.length][];
        double[] ys = new double[xs.length];
        System.arraycopy(x, 0, xs, 0, x.length);
        System.arraycopy(y, 0, ys, 0, y.length);
        for (int i = 0; i < extra.length; i++) {
            xs[x.length + i] = extra[i];
            ys[x.length + i] = mean(extra[i]);
        }
        return of(kernel, hyper, xs, ys);
    }

    double mean(double[] point) {
        double mean = 0;
        for (int a = 0; a < x.length; a++) {
            mean += alpha[a] * Kernel.matern(kernel.squaredDistance(point, x[a], w));
        }
        return mean * hyper.scale();
    }

    /**
     * Means and variances at many points at once. The forward substitution {@code L V = K*} runs over rows of all
     * points together (axpy form), which the JIT vectorizes; one point at a time it would be a dot product per row,
     * which it does not. Each pass takes eight earlier rows at once, so row {@code i} of {@code V} is loaded and
     * stored an eighth as often (that traffic, not the multiply-adds, bounded the loop): at 300 experiments the
     * batch costs about 14 us a point instead of 21 (one thread's CPU time).
     */
    void predict(double[][] points, double[] means, double[] variances) {
        int n = x.length;
        int m = points.length;
        double scale = hyper.scale();
        double[] v = new double[n * m];
        for (int a = 0; a < n; a++) {
            int row = a * m;
            for (int c = 0; c < m; c++) {
                v[row + c] = scale * Kernel.matern(kernel.squaredDistance(points[c], x[a], w));
            }
        }
        java.util.Arrays.fill(means, 0, m, 0);
        java.util.Arrays.fill(variances, 0, m, 0);
        for (int i = 0; i < n; i++) {
            int row = i * m;
            double weight = alpha[i];
            for (int c = 0; c < m; c++) {
                means[c] += weight * v[row + c];
            }
            int base = i * n;
            int k = 0;
            // eight earlier rows per pass: an eighth of the loads and stores of row i, the loop's real cost
            for (; k + 7 < i; k += 8) {
                double f0 = l[base + k];
                double f1 = l[base + k + 1];
                double f2 = l[base + k + 2];
                double f3 = l[base + k + 3];
                double f4 = l[base + k + 4];
                double f5 = l[base + k + 5];
                double f6 = l[base + k + 6];
                double f7 = l[base + k + 7];
                int o0 = k * m;
                int o1 = o0 + m;
                int o2 = o1 + m;
                int o3 = o2 + m;
                int o4 = o3 + m;
                int o5 = o4 + m;
                int o6 = o5 + m;
                int o7 = o6 + m;
                for (int c = 0; c < m; c++) {
                    v[row + c] -= (f0 * v[o0 + c] + f1 * v[o1 + c] + f2 * v[o2 + c] + f3 * v[o3 + c])
                            + (f4 * v[o4 + c] + f5 * v[o5 + c] + f6 * v[o6 + c] + f7 * v[o7 + c]);
                }
            }
            for (; k < i; k++) {
                double factor = l[base + k];
                int other = k * m;
                for (int c = 0; c < m; c++) {
                    v[row + c] -= factor * v[other + c];
                }
            }
            double diagonal = l[i * n + i];
            for (int c = 0; c < m; c++) {
                double solved = v[row + c] / diagonal;
                v[row + c] = solved;
                variances[c] += solved * solved;
            }
        }
        for (int c = 0; c < m; c++) {
            variances[c] = Math.max(MIN_VARIANCE, scale - variances[c]);
        }
    }
}
