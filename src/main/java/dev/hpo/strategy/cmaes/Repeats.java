package dev.hpo.strategy.cmaes;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.hpo.strategy.Trial;

/**
 * Whether a point was already suggested: the same names with the same values, numbers compared by value (a saved
 * history may hold an integer as {@code Integer} or {@code Long}, a real as {@code Double}).
 */
final class Repeats {

    private Repeats() {
    }

    static boolean seen(Map<String, Object> parameters, List<Trial> trials) {
        for (Trial trial : trials) {
            if (same(parameters, trial.parameters())) {
                return true;
            }
        }
        return false;
    }

    static boolean same(Map<String, Object> a, Map<String, Object> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : a.entrySet()) {
            Object other = b.get(entry.getKey());
            Object value = entry.getValue();
            boolean equal = value instanceof Number x && other instanceof Number y
                    ? x.doubleValue() == y.doubleValue()
                    : Objects.equals(value, other) && (value != null || b.containsKey(entry.getKey()));
            if (!equal) {
                return false;
            }
        }
        return true;
    }
}
