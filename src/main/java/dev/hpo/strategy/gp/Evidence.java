package dev.hpo.strategy.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The negative log posterior of the hyper-parameters given standardized observations, and its gradient: the
 * function the MAP fit minimizes.
 *
 * <p>{@code -log p(y | theta) - log prior(theta)} with the exact Gaussian marginal likelihood (Rasmussen and
 * Williams 2006, eq. 5.8 and 5.9 for the gradient {@code 1/2 tr((a a^T - K^-1) dK/dtheta)}) and Optuna 4's priors
 * ({@code optuna._gp.prior}): {@code -(0.1/w + 0.1 w)} for each inverse squared length scale, Gamma(2, 1) on the
 * scale and Gamma(1.1, 30) on the noise variance. The pairwise distances are computed once per fit.
 */
final class Evidence {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int n;
    private final int d;
    private final double[] y;
    /** distances[j][pair] for pairs a > b, pair = a (a - 1) / 2 + b. */
    private final double[][] distances;

    Evidence(Kernel kernel, double[][] x, double[] y) {
        this.n = x.length;
        this.d = kernel.dimension();
        this.y = y;
        int pairs = n * (n - 1) / 2;
        distances = new double[d][pairs];
        for (int j = 0; j < d; j++) {
            int p = 0;
            for (int a = 1; a < n; a++) {
                for (int b = 0; b < a; b++) {
                    distances[j][p++] = kernel.distance(j, x[a][j], x[b][j]);
                }
            }
        }
    }

    /** The objective at {@code theta}, its gradient written to {@code gradient}; +infinity if K is not positive definite. */
    double value(double[] theta, double[] gradient) {
        Hyper hyper = new Hyper(theta);
        double[] w = hyper.w();
        double scale = hyper.scale();
        double noise = hyper.noise();
        int pairs = n * (n - 1) / 2;
        double[] r2 = new double[pairs];
        for (int j = 0; j < d; j++) {
            double wj = w[j];
            double[] dj = distances[j];
            for (int p = 0; p < pairs; p++) {
                r2[p] += wj * dj[p];
            }
        }
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        double[] m = new double[pairs];
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                m[p] = Kernel.matern(r2[p]);
                double value = scale * m[p];
                k.data[a * n + b] = value;
                k.data[b * n + a] = value;
                p++;
            }
            k.data[a * n + a] = scale + noise;
        }
        CholeskyDecompositionInner_DDRM cholesky = new CholeskyDecompositionInner_DDRM(true);
        LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(cholesky);
        if (!solver.setA(k)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] l = cholesky.getT().data;
        double logDet = 0;
        for (int a = 0; a < n; a++) {
            logDet += 2 * Math.log(l[a * n + a]);
        }
        double[] alpha = y.clone();
        TriangularSolver_DDRM.solveL(l, alpha, n);
        double fit = 0;
        for (double v : alpha) {
            fit += v * v;
        }
        TriangularSolver_DDRM.solveTranL(l, alpha, n);
        double objective = 0.5 * fit + 0.5 * logDet + 0.5 * n * LOG_2PI - logPrior(hyper);

        // W = a a^T - K^-1, the inverse from the same factor
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        solver.invert(inverse);
        double[] kinv = inverse.data;
        double[] slope = new double[pairs];
        double scaleTrace = 0;
        double noiseTrace = 0;
        p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double wab = alpha[a] * alpha[b] - kinv[a * n + b];
                slope[p] = wab * Kernel.maternSlope(r2[p]);
                scaleTrace += 2 * wab * m[p];
                p++;
            }
            double waa = alpha[a] * alpha[a] - kinv[a * n + a];
            scaleTrace += waa;
            noiseTrace += waa;
        }
        for (int j = 0; j < d; j++) {
            double[] dj = distances[j];
            double trace = 0;
            for (int q = 0; q < pairs; q++) {
                trace += slope[q] * dj[q];
            }
            // dK_ab/dlog w_j = scale m'(r2) w_j d_j; the pair sum counts both triangles
            double dLogLik = 0.5 * 2 * trace * scale * w[j];
            gradient[j] = -dLogLik - (0.1 / w[j] - 0.1 * w[j]);
        }
        gradient[d] = -0.5 * scaleTrace * scale - (1 - scale);
        double noiseExcess = noise - Hyper.MIN_NOISE;
        gradient[d + 1] = -0.5 * noiseTrace * noiseExcess - (0.1 - 30 * noise) * noiseExcess / noise;
        return objective;
    }

    /** Optuna's log prior (constants dropped). */
    static double logPrior(Hyper hyper) {
        double log = 0;
        for (int j = 0; j < hyper.dimension(); j++) {
            double w = hyper.w(j);
            log -= 0.1 / w + 0.1 * w;
        }
        double scale = hyper.scale();
        log += (2 - 1) * Math.log(scale) - scale;
        double noise = hyper.noise();
        log += (1.1 - 1) * Math.log(noise) - 30 * noise;
        return log;
    }
}
