package dev.hpo.space;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Validation and value normalisation shared by the parameter records. */
final class Checks {

    private Checks() {
    }

    static InvalidFieldException invalid(String parameter, String field, String detail) {
        return new InvalidFieldException(parameter, field, detail);
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException(name == null ? "" : name, "name", "must not be blank");
        }
        return name;
    }

    static void finite(String parameter, String field, double value) {
        if (!Double.isFinite(value)) {
            throw invalid(parameter, field, "must be a finite number (" + value + ")");
        }
    }

    /**
     * A constant value in the one representation the space uses: {@link String}, {@link Boolean}, {@link Long}
     * for whole-number types, {@link Double} for the others. Returns null for anything else.
     */
    static Object normalize(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        if (value instanceof BigDecimal big) {
            // JSON readers hand out BigDecimal for decimals; a decimal is a Double here, whatever its digits
            double d = big.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    /** Normalises a constant or throws naming the field. */
    static Object constant(String parameter, String field, Object value) {
        if (value == null) {
            throw invalid(parameter, field, "must not be null");
        }
        Object normalized = normalize(value);
        if (normalized == null) {
            throw invalid(parameter, field, "must be a string, a finite number or a boolean, not "
                    + value.getClass().getSimpleName() + " " + value);
        }
        return normalized;
    }

    /**
     * A hash key under which values that {@link #sameValue} calls equal always meet: numbers by their double value
     * (0.0 and -0.0 alike), anything else as itself. Comparing only within a key keeps duplicate checks linear.
     */
    static Object bucketOf(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == 0 ? 0.0 : d;
        }
        return value;
    }

    /** Equality of two normalised values where numbers compare by value, so {@code 1L} equals {@code 1.0}. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Long l && y instanceof Long m) {
                return l.longValue() == m.longValue();
            }
            return x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    /** The number a point holds, as a double, or NaN when it is not a finite number. */
    static double number(Object value) {
        Object normalized = value instanceof Number ? normalize(value) : null;
        return normalized instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static double coordinateNumber(String parameter, Object value) {
        double d = number(value);
        if (Double.isNaN(d)) {
            throw new IllegalArgumentException("parameter '" + parameter + "': " + value + " is not a finite number");
        }
        return d;
    }

    static void notNaN(double coordinate) {
        if (Double.isNaN(coordinate)) {
            throw new IllegalArgumentException("coordinate must not be NaN");
        }
    }
}
