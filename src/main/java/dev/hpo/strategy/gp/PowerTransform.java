package dev.hpo.strategy.gp;

/**
 * The Yeo-Johnson power transform of the standardized losses (Yeo and Johnson 2000), with lambda chosen by maximum
 * likelihood on a grid, as HEBO does before fitting its GP (Cowen-Rivers et al. 2022): a monotone map, so the best
 * experiment stays the best, that pulls in the long tail of bad values a function like Rosenbrock's produces, which
 * would otherwise dominate the standardized scale and flatten the model where the good points are.
 */
final class PowerTransform {

    private static final double LOW = -2;
    private static final double HIGH = 2;
    private static final double STEP = 0.1;

    private PowerTransform() {
    }

    /** The transformed values (standardized again), for values that are already standardized. */
    static double[] apply(double[] y) {
        double lambda = bestLambda(y);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = transform(y[i], lambda);
        }
        return standardized(out);
    }

    static double bestLambda(double[] y) {
        double best = 1;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        double jacobianBase = 0;
        for (double v : y) {
            jacobianBase += Math.signum(v) * Math.log1p(Math.abs(v));
        }
        int steps = (int) Math.round((HIGH - LOW) / STEP);
        for (int k = 0; k <= steps; k++) {
            double lambda = LOW + k * STEP;
            double mean = 0;
            double[] t = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                t[i] = transform(y[i], lambda);
                mean += t[i];
            }
            mean /= y.length;
            double variance = 0;
            for (double v : t) {
                variance += (v - mean) * (v - mean);
            }
            variance /= y.length;
            if (!(variance > 0) || !Double.isFinite(variance)) {
                continue;
            }
            double likelihood = -0.5 * y.length * Math.log(variance) + (lambda - 1) * jacobianBase;
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = lambda;
            }
        }
        return best;
    }

    static double transform(double x, double lambda) {
        if (x >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
    }

    private static double[] standardized(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / values.length);
        if (!(std > 1e-12)) {
            std = 1;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - mean) / std;
        }
        return out;
    }
}
