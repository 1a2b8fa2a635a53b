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

    /** Mean and variance at {@code point}, written to {@code out[0], out[1]}. */
    void predict(double[] point, double[] out) {
        int n = x.length;
        double scale = hyper.scale();
        double[] v = new double[n];
        double mean = 0;
        for (int a = 0; a < n; a++) {
            v[a] = scale * Kernel.matern(kernel.squaredDistance(point, x[a], w));
            mean += alpha[a] * v[a];
        }
        TriangularSolver_DDRM.solveL(l, v, n);
        double explained = 0;
        for (double value : v) {
            explained += value * value;
        }
        out[0] = mean;
        out[1] = Math.max(MIN_VARIANCE, scale - explained);
    }
}
