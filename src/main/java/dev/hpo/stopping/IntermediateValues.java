package dev.hpo.stopping;

import java.util.Map;
import java.util.NavigableMap;

import dev.hpo.objective.Objective;

/**
 * Reading a trial's intermediate values when experiments report at iterations that need not line up: the value
 * "at" iteration {@code t} is the one reported at the largest iteration not past {@code t}.
 */
final class IntermediateValues {

    private IntermediateValues() {
    }

    /**
     * The value at {@code iteration} if the trial has reported at or beyond it (so its value there is final),
     * else null. Also null when its first report came after {@code iteration}.
     */
    static Double settledValueAt(NavigableMap<Long, Double> values, long iteration) {
        if (values == null || values.isEmpty() || values.lastKey() < iteration) {
            return null;
        }
        Map.Entry<Long, Double> entry = values.floorEntry(iteration);
        return entry == null ? null : entry.getValue();
    }

    /**
     * The mean loss of what the trial reported at iterations up to {@code iteration} (NaN values left out), if
     * it has reported at or beyond it; else null. NaN when every value up to there was NaN.
     */
    static Double settledMeanUpTo(NavigableMap<Long, Double> values, long iteration, Objective objective) {
        if (values == null || values.isEmpty() || values.lastKey() < iteration || values.firstKey() > iteration) {
            return null;
        }
        double sum = 0;
        int count = 0;
        for (double value : values.headMap(iteration, true).values()) {
            double loss = objective.loss(value);
            if (!Double.isNaN(loss)) {
                sum += loss;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
