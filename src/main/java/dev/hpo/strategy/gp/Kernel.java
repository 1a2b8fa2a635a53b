package dev.hpo.strategy.gp;

import java.util.List;

/**
 * The Matern-5/2 kernel with automatic relevance determination: {@code k(x, x') = scale * m(r)},
 * {@code m(r) = (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r)}, {@code r^2 = sum_j w_j d_j(x, x')} where {@code w_j} is
 * dimension j's inverse squared length scale and {@code d_j} the squared difference of numeric coordinates, or 0/1
 * for categorical ones (unequal = 1, the Hamming distance Optuna's GP sampler uses for categories).
 */
final class Kernel {

    static final double SQRT5 = Math.sqrt(5);

    private final boolean[] categorical;

    Kernel(List<GpDimension> dimensions) {
        categorical = new boolean[dimensions.size()];
        for (int j = 0; j < categorical.length; j++) {
            categorical[j] = dimensions.get(j).categorical();
        }
    }

    int dimension() {
        return categorical.length;
    }

    /** The per-dimension distance d_j(a, b). */
    double distance(int j, double a, double b) {
        if (categorical[j]) {
            return a == b ? 0 : 1;
        }
        double diff = a - b;
        return diff * diff;
    }

    /** r^2 between two points under inverse squared length scales {@code w}. */
    double squaredDistance(double[] a, double[] b, double[] w) {
        double r2 = 0;
        for (int j = 0; j < a.length; j++) {
            r2 += w[j] * distance(j, a[j], b[j]);
        }
        return r2;
    }

    /** m(r) for r^2. */
    static double matern(double r2) {
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /** dm/d(r^2) = -5/6 (1 + sqrt5 r) exp(-sqrt5 r): no division by r, so it is defined at r = 0. */
    static double maternSlope(double r2) {
        double r = Math.sqrt(r2);
        return -5.0 / 6.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }
}
