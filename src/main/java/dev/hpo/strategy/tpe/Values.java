package dev.hpo.strategy.tpe;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;

/**
 * Comparing parameter values as they come back from storage, where a number may return as another {@link Number}
 * type (a {@code Long} as an {@code Integer}, a whole {@code Double} as a {@code Long}).
 */
final class Values {

    private Values() {
    }

    /** True when both are the same value: numbers by numeric value, anything else by equality. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Index of {@code value} in {@code choices}, or -1. */
    static int indexOf(List<Object> choices, Object value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < choices.size(); i++) {
            if (same(choices.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The combination of {@code set} that {@code parameters} were produced from, or -1. Parameters carry only the
     * combination's keys, not the set's own name, so the choice is inferred: every key present, every constant
     * equal; when several match, the one with the most keys wins (a combination that extends another).
     */
    static int chosenCombination(ParameterSet set, Map<String, Object> parameters) {
        int best = -1;
        int bestKeys = -1;
        List<Map<String, Object>> combinations = set.combinations();
        for (int i = 0; i < combinations.size(); i++) {
            Map<String, Object> combination = combinations.get(i);
            if (combination.size() > bestKeys && matches(combination, parameters)) {
                best = i;
                bestKeys = combination.size();
            }
        }
        return best;
    }

    private static boolean matches(Map<String, Object> combination, Map<String, Object> parameters) {
        for (Map.Entry<String, Object> entry : combination.entrySet()) {
            if (!parameters.containsKey(entry.getKey())) {
                return false;
            }
            if (!(entry.getValue() instanceof Parameter) && !same(entry.getValue(), parameters.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** True when the two parameter maps hold the same keys with the same values. */
    static boolean samePoint(Map<String, Object> a, Map<String, Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : a.entrySet()) {
            if (!b.containsKey(entry.getKey()) || !same(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
