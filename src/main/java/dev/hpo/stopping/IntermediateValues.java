package dev.hpo.stopping;

import java.util.Map;
import java.util.NavigableMap;

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
}
