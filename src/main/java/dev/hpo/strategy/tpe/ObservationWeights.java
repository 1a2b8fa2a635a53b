package dev.hpo.strategy.tpe;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The newest mixtures asked for, by observation count and prior weight: a suggestion asks for the same few. */
    private static final Map<List<Double>, Mixture> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Double>, Mixture> eldest) {
            return size() > 8;
        }
    };

    /**
     * The normalised component weights of {@code n} observations (age order) plus a prior of {@code priorWeight},
     * as logs and as running sums. Pure, so remembered: a univariate suggestion fits one model per parameter to
     * the same number of observations, and these logs were a twentieth of its time. The arrays are shared: read only.
     */
    static Mixture mixture(int n, double priorWeight) {
        List<Double> key = List.of((double) n, priorWeight);
        synchronized (RECENT) {
            Mixture known = RECENT.get(key);
            if (known != null) {
                return known;
            }
        }
        double[] weights = Arrays.copyOf(ramp(n), n + 1);
        weights[n] = priorWeight;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] logWeights = new double[n + 1];
        double[] cumulative = new double[n + 1];
        double running = 0;
        for (int k = 0; k <= n; k++) {
            logWeights[k] = Math.log(weights[k] / sum);
            running += weights[k] / sum;
            cumulative[k] = running;
        }
        Mixture mixture = new Mixture(logWeights, cumulative);
        synchronized (RECENT) {
            RECENT.put(key, mixture);
        }
        return mixture;
    }

    /** Log weights and running sums of a mixture's components, the prior last. */
    record Mixture(double[] logWeights, double[] cumulative) {
    }
}
