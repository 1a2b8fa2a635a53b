package dev.hpo.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A choice among whole combinations of parameter values. Each combination maps parameter names to a constant
 * ({@link String}, {@link Long}, {@link Double}, {@link Boolean}; other number types are normalised as in
 * {@link DiscreteValues}) or to a nested {@link Parameter} (never another {@code ParameterSet}) whose name is the
 * key. Choosing a combination sets every key it has, so parameters that appear in only some combinations are
 * conditional on that choice. Sampling picks a combination uniformly, then samples its nested parameters; the grid
 * is the product inside each combination, concatenated across combinations in order.
 *
 * <p>Two identical combinations are rejected. Combinations that overlap (say {@code {"a": 1}} and
 * {@code {"a": <integers 0..3>}}) are allowed, as in ClearML, and then the grid holds the shared points more
 * than once; {@link SearchSpace#canonicalKey} tells them apart for de-duplication (the {@code grid} strategy skips
 * the repeats).
 *
 * @param name the name of the choice itself; defaults to {@code parameter_set} (it is not sent to experiments)
 * @param combinations non-empty list of non-empty combinations, kept in order with their keys in order
 */
public record ParameterSet(String name, List<Map<String, Object>> combinations) implements Parameter {

    /** The name a set gets when none is given. */
    public static final String DEFAULT_NAME = "parameter_set";

    /** Validates and copies the combinations; throws {@link InvalidSpaceException} naming the set and the key. */
    public ParameterSet {
        name = name == null ? DEFAULT_NAME : Checks.name(name);
        if (combinations == null || combinations.isEmpty()) {
            throw Checks.invalid(name, "combinations", "must not be empty");
        }
        List<Map<String, Object>> copies = new ArrayList<>(combinations.size());
        // earlier combinations' indexes by bucket: only combinations in the same bucket can be the same, so the
        // check stays linear in the number of combinations
        Map<Map<String, Object>, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < combinations.size(); i++) {
            Map<String, Object> copy = copy(name, "combinations[" + i + "]", combinations.get(i));
            List<Integer> bucket = buckets.computeIfAbsent(bucketOf(copy), k -> new ArrayList<>(1));
            for (int j : bucket) {
                if (same(copies.get(j), copy)) {
                    throw Checks.invalid(name, "combinations[" + i + "]", "repeats combinations[" + j + "]");
                }
            }
            bucket.add(i);
            copies.add(copy);
        }
        combinations = Collections.unmodifiableList(copies);
    }

    private static Map<String, Object> bucketOf(Map<String, Object> combination) {
        Map<String, Object> key = new HashMap<>();
        combination.forEach((k, v) -> key.put(k, v instanceof Parameter ? v : Checks.bucketOf(v)));
        return key;
    }

    private static boolean same(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> entry : a.entrySet()) {
            Object other = b.get(entry.getKey());
            boolean equal = entry.getValue() instanceof Parameter || other instanceof Parameter
                    ? entry.getValue().equals(other)
                    : Checks.sameValue(entry.getValue(), other);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> copy(String name, String field, Map<String, Object> combination) {
        if (combination == null || combination.isEmpty()) {
            throw Checks.invalid(name, field, "must not be empty");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : combination.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank()) {
                throw Checks.invalid(name, field, "has a blank parameter name");
            }
            String keyField = field + "." + key;
            Object value = entry.getValue();
            if (value instanceof ParameterSet) {
                throw Checks.invalid(name, keyField, "must not be a parameter set (sets do not nest)");
            }
            if (value instanceof Parameter nested) {
                if (!nested.name().equals(key)) {
                    throw Checks.invalid(name, keyField, "is a parameter named '" + nested.name() + "'; it must be named '" + key + "'");
                }
                copy.put(key, nested);
            } else {
                copy.put(key, Checks.constant(name, keyField, value));
            }
        }
        return Collections.unmodifiableMap(copy);
    }
}
