package dev.hpo.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Grid, sampling and membership for one entry of a space: a parameter that is not a {@link ParameterSet}, or a
 * constant of a set's combination (a one-point dimension).
 */
final class Dimensions {

    private Dimensions() {
    }

    static long size(Object entry) {
        if (entry instanceof UniformRange r) {
            return r.gridCount();
        }
        if (entry instanceof IntegerRange r) {
            return r.gridCount();
        }
        if (entry instanceof LogUniformRange r) {
            return r.gridCount();
        }
        if (entry instanceof DiscreteValues d) {
            return d.values().size();
        }
        requireConstant(entry);
        return 1;
    }

    static Object gridValue(Object entry, long index) {
        if (entry instanceof UniformRange r) {
            return r.gridValue(index);
        }
        if (entry instanceof IntegerRange r) {
            return r.point(index);
        }
        if (entry instanceof LogUniformRange r) {
            return r.gridValue(index);
        }
        if (entry instanceof DiscreteValues d) {
            return d.values().get(Math.toIntExact(index));
        }
        requireConstant(entry);
        return entry;
    }

    static Object sample(Object entry, UniformRandomProvider random) {
        if (entry instanceof UniformRange r) {
            return r.sample(random);
        }
        if (entry instanceof IntegerRange r) {
            return r.sample(random);
        }
        if (entry instanceof LogUniformRange r) {
            return r.sample(random);
        }
        if (entry instanceof DiscreteValues d) {
            return d.sample(random);
        }
        requireConstant(entry);
        return entry;
    }

    /** The value in the entry's own form when the entry can produce it, otherwise null. */
    static Object held(Object entry, Object value) {
        if (value == null) {
            return null;
        }
        if (entry instanceof UniformRange r) {
            return r.held(value);
        }
        if (entry instanceof IntegerRange r) {
            return r.held(value);
        }
        if (entry instanceof LogUniformRange r) {
            return r.held(value);
        }
        if (entry instanceof DiscreteValues d) {
            return d.held(value);
        }
        requireConstant(entry);
        Object normalized = Checks.normalize(value);
        return normalized != null && Checks.sameValue(entry, normalized) ? entry : null;
    }

    /**
     * The value as the entry would write it: held values exactly as produced, other numbers in the entry's
     * numeric type where that loses nothing, anything else normalised on its own.
     */
    static Object canonical(Object entry, Object value) {
        return canonical(entry, value, held(entry, value));
    }

    /** {@link #canonical(Object, Object)} when the caller already knows {@code held(entry, value)}. */
    static Object canonical(Object entry, Object value, Object held) {
        if (held != null) {
            return held;
        }
        Object normalized = Checks.normalize(value);
        if (normalized instanceof Number n && (entry instanceof UniformRange || entry instanceof LogUniformRange)) {
            return n.doubleValue();
        }
        if (normalized instanceof Double d && entry instanceof IntegerRange && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
            return d.longValue();
        }
        return normalized == null ? value : normalized;
    }

    private static void requireConstant(Object entry) {
        if (entry instanceof Parameter) {
            throw new IllegalStateException("not a single dimension: " + entry);
        }
    }
}
