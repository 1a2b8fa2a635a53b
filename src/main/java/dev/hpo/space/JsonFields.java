package dev.hpo.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from one JSON object (as a generic JSON reader produces it), each failure an
 * {@link InvalidSpaceException} naming the path of the field.
 */
final class JsonFields {

    private final String path;
    private final Map<?, ?> object;

    private JsonFields(String path, Map<?, ?> object) {
        this.path = path;
        this.object = object;
    }

    static JsonFields of(String path, Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new InvalidSpaceException(path + ": must be an object");
        }
        return new JsonFields(path, map);
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    /** Rejects any field not in {@code allowed} (a typo such as {@code stepp} must not be silently ignored). */
    void allow(List<String> allowed) {
        for (Object key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidSpaceException(path + ": unknown field '" + key + "' (expected " + String.join(", ", allowed) + ")");
            }
        }
    }

    boolean has(String field) {
        return object.get(field) != null;
    }

    Object raw(String field) {
        return object.get(field);
    }

    String string(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidSpaceException(path(field) + ": is required");
        }
        if (!(value instanceof String s)) {
            throw new InvalidSpaceException(path(field) + ": must be a string");
        }
        return s;
    }

    String optionalString(String field) {
        return has(field) ? string(field) : null;
    }

    double number(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidSpaceException(path(field) + ": is required");
        }
        if (!(value instanceof Number n)) {
            throw new InvalidSpaceException(path(field) + ": must be a number");
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidSpaceException(path(field) + ": must be a finite number (" + value + ")");
        }
        return d;
    }

    Double optionalNumber(String field) {
        return has(field) ? number(field) : null;
    }

    double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    /** A whole number; an integral decimal such as {@code 128.0} is accepted, {@code 1.5} is not. */
    long integer(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidSpaceException(path(field) + ": is required");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            BigDecimal decimal = value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notWhole) {
                throw new InvalidSpaceException(path(field) + ": must be an integer (" + value + ")");
            }
        }
        if (value instanceof Number) {
            throw new InvalidSpaceException(path(field) + ": must be an integer within 64 bits (" + value + ")");
        }
        throw new InvalidSpaceException(path(field) + ": must be an integer");
    }

    long integer(String field, long fallback) {
        return has(field) ? integer(field) : fallback;
    }

    boolean bool(String field, boolean fallback) {
        Object value = object.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new InvalidSpaceException(path(field) + ": must be true or false");
        }
        return b;
    }

    List<?> list(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidSpaceException(path(field) + ": is required");
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidSpaceException(path(field) + ": must be a list");
        }
        return list;
    }
}
