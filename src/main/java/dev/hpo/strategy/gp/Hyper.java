package dev.hpo.strategy.gp;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's hyper-parameters in the log space they are fitted in: {@code log w_j} (inverse squared length
 * scales), {@code log scale}, and {@code log(noise - MIN_NOISE)}.
 */
record Hyper(double[] theta) {

    /** Optuna's floor on the noise variance (standardized units): keeps the Cholesky factor well conditioned. */
    static final double MIN_NOISE = 1e-6;
    /** Box the fit stays in (log units): length scales from about 0.003 to 300 of the unit cube, etc. */
    static final double LOW = -12;
    static final double HIGH = 12;

    /** The fit's start: unit length scales, unit scale, noise 0.01 + floor (Optuna starts at w = 1, scale = 1). */
    static Hyper initial(int dimension) {
        double[] theta = new double[dimension + 2];
        theta[dimension + 1] = Math.log(0.01);
        return new Hyper(theta);
    }

    int dimension() {
        return theta.length - 2;
    }

    double w(int j) {
        return Math.exp(theta[j]);
    }

    double[] w() {
        double[] w = new double[dimension()];
        for (int j = 0; j < w.length; j++) {
            w[j] = w(j);
        }
        return w;
    }

    double scale() {
        return Math.exp(theta[dimension()]);
    }

    double noise() {
        return MIN_NOISE + Math.exp(theta[dimension() + 1]);
    }

    /** For the saved state. */
    List<Double> toList() {
        List<Double> list = new ArrayList<>(theta.length);
        for (double t : theta) {
            list.add(t);
        }
        return list;
    }

    /** From the saved state; null unless it is a list of {@code dimension + 2} finite numbers. */
    static Hyper fromState(Object saved, int dimension) {
        if (!(saved instanceof List<?> list) || list.size() != dimension + 2) {
            return null;
        }
        double[] theta = new double[list.size()];
        for (int i = 0; i < theta.length; i++) {
            if (!(list.get(i) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                return null;
            }
            theta[i] = Math.min(HIGH, Math.max(LOW, number.doubleValue()));
        }
        return new Hyper(theta);
    }
}
