package dev.hpo.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A categorical choice among {@code values}: strings, numbers ({@link Long} or {@link Double}) or booleans, in the
 * order given (the grid keeps it). {@link Integer}, {@link Short} and {@link Byte} become {@link Long},
 * {@link Float} becomes {@link Double}. Values are unique, numbers compared by value ({@code 1} and {@code 1.0}
 * are the same value).
 */
public record DiscreteValues(String name, List<Object> values) implements Parameter {

    /** Validates and normalises the values; throws {@link InvalidSpaceException} naming the parameter. */
    public DiscreteValues {
        name = Checks.name(name);
        if (values == null || values.isEmpty()) {
            throw Checks.invalid(name, "values", "must not be empty");
        }
        List<Object> normalized = new ArrayList<>(values.size());
        // earlier values' indexes by bucket: comparing only within a bucket keeps a long list linear
        // (pairwise it took minutes for a million values); same value implies same bucket
        Map<Object, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Object value = Checks.constant(name, "values[" + i + "]", values.get(i));
            List<Integer> bucket = buckets.computeIfAbsent(Checks.bucketOf(value), k -> new ArrayList<>(1));
            for (int j : bucket) {
                if (Checks.sameValue(normalized.get(j), value)) {
                    throw Checks.invalid(name, "values[" + i + "]", "repeats values[" + j + "] (" + value + ")");
                }
            }
            bucket.add(i);
            normalized.add(value);
        }
        values = List.copyOf(normalized);
    }

    Object sample(UniformRandomProvider random) {
        return values.get(random.nextInt(values.size()));
    }

    /** The listed value equal to {@code value} (numbers by value), or null when the choice does not hold it. */
    Object held(Object value) {
        Object normalized = Checks.normalize(value);
        if (normalized == null) {
            return null;
        }
        for (Object candidate : values) {
            if (Checks.sameValue(candidate, normalized)) {
                return candidate;
            }
        }
        return null;
    }
}
