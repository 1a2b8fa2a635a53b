package dev.hpo.strategy.cmaes;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hpo.trial.Trial;

/**
 * The points already suggested, to tell a repeat in constant time: each as its names and values, numbers compared
 * by value (a saved history may hold an integer as {@code Integer} or {@code Long}, a real as {@code Double}).
 */
final class Repeats {

    private final Set<Map<String, Object>> seen = new HashSet<>();

    private Repeats(List<Trial> trials) {
        for (Trial trial : trials) {
            if (trial.parameters() != null) {
                seen.add(normalised(trial.parameters()));
            }
        }
    }

    static Repeats of(List<Trial> trials) {
        return new Repeats(trials);
    }

    boolean seen(Map<String, Object> parameters) {
        return seen.contains(normalised(parameters));
    }

    private static Map<String, Object> normalised(Map<String, Object> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : parameters.entrySet()) {
            Object value = entry.getValue();
            values.put(entry.getKey(), value instanceof Number number ? (Object) number.doubleValue() : value);
        }
        return values;
    }
}
