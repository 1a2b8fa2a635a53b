package dev.hpo.loop;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameter values as the space defines them ({@link Double}, {@link Long}, {@link String}, {@link Boolean}),
 * whatever number types JSON parsing produced. A strategy then sees the same values for an experiment it
 * suggested a moment ago and for one read back after a restart, which keeps resumed studies deterministic.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    static Map<String, Object> normalized(Map<String, Object> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : parameters.entrySet()) {
            values.put(entry.getKey(), value(entry.getValue()));
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object value(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        return value;
    }
}
