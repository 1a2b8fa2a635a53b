package dev.hpo.strategy.tpe;

import java.util.Arrays;

/**
 * Optuna's default weighting of the observations of one group, oldest first: the newest 25 count fully and older
 * ones ramp down linearly towards 1/n, so the model follows the part of the search that is still moving.
 */
final class ObservationWeights {

    /** How many of the newest observations keep full weight. */
    static final int FLAT = 25;

    private ObservationWeights() {
    }

    /** Weights of {@code n} observations in age order (index 0 is the oldest). */
    static double[] ramp(int n) {
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        if (n <= FLAT) {
            return weights;
        }
        int rampLength = n - FLAT;
        double start = 1.0 / n;
        for (int i = 0; i < rampLength; i++) {
            // numpy.linspace(1/n, 1, rampLength): both ends included
            weights[i] = rampLength == 1 ? start : start + (1.0 - start) * i / (rampLength - 1);
        }
        return weights;
    }
}
