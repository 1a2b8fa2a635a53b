package dev.hpo.settings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's {@code settings} map checked against the {@link SettingSpec}s of one strategy or early-stopping rule.
 *
 * <p>{@link #validate} rejects keys that are not in the specs; the typed getters then read a value (or the spec's
 * default when the key is absent), check its JSON type and its range, and throw {@link InvalidStrategyException}
 * with a message that names the owner and the setting. Numbers may arrive as any {@link Number} the JSON reader
 * produced ({@link Integer}, {@link Long}, {@link Double}, {@link BigDecimal}, ...); an integer setting accepts a
 * number with no fractional part, such as {@code 5.0}. A {@code null} value counts as absent.
 *
 * <pre>{@code
 * Settings settings = Settings.validate("strategy 'random'", userSettings, SETTINGS);
 * int maxDraws = settings.integer("maxDraws", 1, 1_000_000);
 * }</pre>
 */
public final class Settings {

    private final String owner;
    private final Map<String, Object> values;
    private final Map<String, SettingSpec> specs;

    private Settings(String owner, Map<String, Object> values, Map<String, SettingSpec> specs) {
        this.owner = owner;
        this.values = values;
        this.specs = specs;
    }

    /**
     * Checks that every key of {@code values} is a known setting.
     *
     * @param owner  how messages name what the settings belong to, e.g. {@code strategy 'random'}
     * @param values the user's settings; null means none
     * @param specs  the settings the owner accepts
     */
    public static Settings validate(String owner, Map<String, ?> values, List<SettingSpec> specs) {
        Map<String, SettingSpec> byName = new LinkedHashMap<>();
        for (SettingSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        if (values != null) {
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                if (!byName.containsKey(entry.getKey())) {
                    String known = byName.isEmpty() ? "it takes no settings"
                            : "known: " + String.join(", ", byName.keySet());
                    throw new InvalidStrategyException(owner + ": unknown setting '" + entry.getKey() + "' (" + known + ")");
                }
                if (entry.getValue() != null) {
                    given.put(entry.getKey(), entry.getValue());
                }
            }
        }
        return new Settings(owner, given, byName);
    }

    /** True when the user gave this setting (a non-null value). */
    public boolean has(String name) {
        spec(name);
        return values.containsKey(name);
    }

    /** An integer setting between {@code min} and {@code max}, both included. */
    public int integer(String name, int min, int max) {
        return (int) longInteger(name, min, max);
    }

    /** A long integer setting between {@code min} and {@code max}, both included. */
    public long longInteger(String name, long min, long max) {
        Object value = valueOrDefault(name);
        long result = asLong(name, value);
        if (result < min || result > max) {
            throw invalid(name, "must be between " + min + " and " + max + ", not " + result);
        }
        return result;
    }

    /** A number setting between {@code min} and {@code max}, both included. */
    public double number(String name, double min, double max) {
        return number(name, min, max, false);
    }

    /**
     * A finite number setting between {@code min} and {@code max}; with {@code exclusive} neither bound itself
     * is allowed (use infinite bounds for a one-sided range, e.g. {@code (0, +inf)}).
     */
    public double number(String name, double min, double max, boolean exclusive) {
        Object value = valueOrDefault(name);
        if (!(value instanceof Number number)) {
            throw invalid(name, "must be a number, not " + describe(value));
        }
        double result = number.doubleValue();
        boolean inside = exclusive ? result > min && result < max : result >= min && result <= max;
        if (!Double.isFinite(result) || !inside) {
            String range = exclusive ? "strictly between " + bound(min) + " and " + bound(max)
                    : "between " + bound(min) + " and " + bound(max);
            throw invalid(name, "must be " + range + ", not " + result);
        }
        return result;
    }

    /** A boolean setting. */
    public boolean bool(String name) {
        Object value = valueOrDefault(name);
        if (!(value instanceof Boolean bool)) {
            throw invalid(name, "must be true or false, not " + describe(value));
        }
        return bool;
    }

    /** A string setting; when {@code allowed} is not empty the value must be one of them. */
    public String string(String name, String... allowed) {
        Object value = valueOrDefault(name);
        if (!(value instanceof String string)) {
            throw invalid(name, "must be a string, not " + describe(value));
        }
        if (allowed.length > 0 && !Arrays.asList(allowed).contains(string)) {
            throw invalid(name, "must be one of " + String.join(", ", allowed) + ", not '" + string + "'");
        }
        return string;
    }

    private Object valueOrDefault(String name) {
        SettingSpec spec = spec(name);
        Object value = values.containsKey(name) ? values.get(name) : spec.defaultValue();
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    private SettingSpec spec(String name) {
        SettingSpec spec = specs.get(name);
        if (spec == null) {
            // A programming error in the spec, not bad user input.
            throw new IllegalStateException(owner + " reads setting '" + name + "' that it does not declare");
        }
        return spec;
    }

    private long asLong(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            throw invalid(name, "is too large: " + big);
        }
        if (value instanceof Number number) {
            BigDecimal decimal = number instanceof BigDecimal d ? d : toDecimal(name, number.doubleValue());
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                boolean whole = decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
                throw invalid(name, whole ? "is too large: " + number : "must be an integer, not " + number);
            }
        }
        throw invalid(name, "must be an integer, not " + describe(value));
    }

    private BigDecimal toDecimal(String name, double value) {
        if (!Double.isFinite(value)) {
            throw invalid(name, "must be an integer, not " + value);
        }
        return BigDecimal.valueOf(value);
    }

    private InvalidStrategyException invalid(String name, String problem) {
        return new InvalidStrategyException(owner + ": setting '" + name + "' " + problem);
    }

    private static String describe(Object value) {
        if (value instanceof String string) {
            return "the string '" + string + "'";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }

    private static String bound(double bound) {
        if (bound == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        if (bound == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? String.valueOf((long) bound) : String.valueOf(bound);
    }

}
