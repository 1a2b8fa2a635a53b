package dev.hpo.shared;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Checks free-form JSON values (parameter defaults, settings) before they are stored: every number finite, so
 * nothing reaches a {@code jsonb} column that PostgreSQL would refuse (a request must never fail with a 500).
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** Throws {@link InvalidInputException} naming the path of the first non-finite number in {@code value}. */
    public static void requireFinite(String path, Object value) {
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new InvalidInputException(path, "must be a finite number");
        }
        if (value instanceof BigDecimal b && (b.scale() < -1000 || b.precision() - b.scale() > 1000)) {
            throw new InvalidInputException(path, "number is too large");
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> requireFinite(path + "." + k, v));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireFinite(path + "[" + i + "]", list.get(i));
            }
        }
    }
}
