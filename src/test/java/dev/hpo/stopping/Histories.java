package dev.hpo.stopping;

import java.util.Map;
import java.util.TreeMap;

import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/** Hand-built trials for the stopping-rule tests. */
final class Histories {

    private Histories() {
    }

    /** A trial that reported {@code values[i]} at iteration {@code iterations[i]}. */
    static Trial trial(int number, TrialState state, long[] iterations, double[] values) {
        return trial(number, state, iterations, values, null);
    }

    static Trial trial(int number, TrialState state, long[] iterations, double[] values, Long maxIteration) {
        TreeMap<Long, Double> intermediate = new TreeMap<>();
        for (int i = 0; i < iterations.length; i++) {
            intermediate.put(iterations[i], values[i]);
        }
        double[] finals = state == TrialState.COMPLETED && values.length > 0 ? new double[] {values[values.length - 1]} : null;
        return new Trial(number, Map.of("x", (double) number), state, finals, intermediate, maxIteration);
    }

    /** A trial that reported the same value at iterations {@code 0..last}. */
    static Trial flat(int number, TrialState state, long last, double value) {
        long[] iterations = new long[(int) last + 1];
        double[] values = new double[iterations.length];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] = i;
            values[i] = value;
        }
        return trial(number, state, iterations, values);
    }

    static long[] its(long... iterations) {
        return iterations;
    }

    static double[] vals(double... values) {
        return values;
    }
}
