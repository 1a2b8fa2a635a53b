package dev.hpo.strategy.cmaes;

import java.util.List;

/**
 * When a CMA-ES run has converged and an IPOP restart is due (Hansen's tutorial, appendix B.3 and
 * Auger and Hansen 2005):
 * <ul>
 *   <li>flat fitness: every value of the generation is the same (the distribution sits on a plateau);</li>
 *   <li>TolFun: the generation's values and the best values of the last {@code 10 + ceil(30 n / popsize)}
 *       generations all lie within {@value #TOL_FUN};</li>
 *   <li>TolX: {@code sigma * sqrt(C_ii)} and {@code sigma * p_c,i} are below {@value #TOL_X} in every dimension
 *       (the step size is tiny on [0, 1]);</li>
 *   <li>condition number of {@code C} above {@value #MAX_CONDITION}.</li>
 * </ul>
 */
final class RestartCriteria {

    static final double TOL_FUN = 1e-12;
    static final double TOL_X = 1e-12;
    static final double MAX_CONDITION = 1e14;

    private RestartCriteria() {
    }

    static int historyLength(int n, int popsize) {
        return 10 + (int) Math.ceil(30.0 * n / popsize);
    }

    static boolean converged(CmaDistribution distribution, double[] generationLosses, List<Double> recentBest,
                             int historyLength) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double loss : generationLosses) {
            min = Math.min(min, loss);
            max = Math.max(max, loss);
        }
        if (max == min) {
            return true;
        }
        if (recentBest.size() >= historyLength) {
            for (double best : recentBest) {
                min = Math.min(min, best);
                max = Math.max(max, best);
            }
            if (max - min < TOL_FUN) {
                return true;
            }
        }
        return tinySteps(distribution) || illConditioned(distribution);
    }

    private static boolean tinySteps(CmaDistribution distribution) {
        for (int i = 0; i < distribution.dimension(); i++) {
            double spread = distribution.sigma() * Math.sqrt(distribution.covariance()[i][i]);
            double path = distribution.sigma() * Math.abs(distribution.pathC()[i]);
            if (spread >= TOL_X || path >= TOL_X) {
                return false;
            }
        }
        return true;
    }

    private static boolean illConditioned(CmaDistribution distribution) {
        double[] values = SymmetricEigen.of(distribution.covariance()).values();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return min <= 0 || max / min > MAX_CONDITION;
    }
}
