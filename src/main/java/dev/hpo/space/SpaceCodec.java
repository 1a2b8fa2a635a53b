package dev.hpo.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON form of a search space, read from and written to generic JSON values (what Jackson reads into
 * {@code Object}: lists, maps, strings, booleans and Integer/Long/BigInteger/Double/BigDecimal numbers).
 *
 * <p>A space is a list of parameter objects with a {@code type} discriminator:
 * <ul>
 * <li>{@code uniform}: {@code name}, {@code min}, {@code max}, {@code step} (optional), {@code includeMax} (true)</li>
 * <li>{@code uniform_integer}: {@code name}, {@code min}, {@code max}, {@code step} (1), {@code includeMax} (true),
 * all integers</li>
 * <li>{@code log_uniform}: {@code name}, {@code min}, {@code max} (exponents), {@code base} (10), {@code step}
 * (optional), {@code includeMax} (true)</li>
 * <li>{@code discrete}: {@code name}, {@code values}</li>
 * <li>{@code parameter_set}: {@code name} (optional), {@code combinations}: objects whose values are constants or
 * nested parameter objects; a nested parameter's {@code name} may be left out and defaults to its key</li>
 * </ul>
 * Every error is an {@link InvalidSpaceException} whose message starts with the path of the offending value, e.g.
 * {@code parameters[1].max: must be greater than min (0.3 <= 0.5)}. {@link #toJson} writes the same form, and
 * {@code fromJson(toJson(space))} equals {@code space}.
 */
public final class SpaceCodec {

    private static final String TYPES = "uniform, uniform_integer, log_uniform, discrete, parameter_set";

    private SpaceCodec() {
    }

    /** Reads a space from its JSON list of parameter objects. */
    public static SearchSpace fromJson(Object json) {
        if (!(json instanceof List<?> list)) {
            throw new InvalidSpaceException("parameters: must be a list of parameter objects");
        }
        List<Parameter> parameters = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            parameters.add(parameter("parameters[" + i + "]", list.get(i), null));
        }
        return new SearchSpace(parameters);
    }

    /** Writes the space as a list of parameter objects, defaults written out, in space order. */
    public static List<Map<String, Object>> toJson(SearchSpace space) {
        List<Map<String, Object>> json = new ArrayList<>(space.parameters().size());
        space.parameters().forEach(parameter -> json.add(toJson(parameter)));
        return json;
    }

    /**
     * One parameter value as the space represents it: {@link String}, {@link Boolean}, {@link Long} for JSON
     * integers, {@link Double} for JSON decimals (also BigDecimal, even when integral: {@code 2.0} stays a double).
     * Null stays null; a list, an object or a non-finite number is an {@link InvalidSpaceException}.
     */
    public static Object valueFromJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigInteger big && big.bitLength() >= 64) {
            return big.doubleValue();
        }
        if (value instanceof BigDecimal big) {
            double d = big.doubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidSpaceException("value " + value + " is out of the range of doubles");
            }
            return d;
        }
        Object normalized = Checks.normalize(value);
        if (normalized == null) {
            throw new InvalidSpaceException("value must be a string, a finite number or a boolean, not " + value);
        }
        return normalized;
    }

    private static Parameter parameter(String path, Object json, String key) {
        JsonFields fields = JsonFields.of(path, json);
        Object type = fields.raw("type");
        if (!(type instanceof String typeName)) {
            throw new InvalidSpaceException(fields.path("type") + ": " + (type == null ? "is required" : "must be a string")
                    + " (expected " + TYPES + ")");
        }
        return switch (typeName) {
            case "uniform" -> {
                fields.allow(List.of("type", "name", "min", "max", "step", "includeMax"));
                String name = name(fields, key);
                double min = fields.number("min");
                double max = fields.number("max");
                Double step = fields.optionalNumber("step");
                boolean includeMax = fields.bool("includeMax", true);
                yield build(path, () -> new UniformRange(name, min, max, step, includeMax));
            }
            case "uniform_integer" -> {
                fields.allow(List.of("type", "name", "min", "max", "step", "includeMax"));
                String name = name(fields, key);
                long min = fields.integer("min");
                long max = fields.integer("max");
                long step = fields.integer("step", 1);
                boolean includeMax = fields.bool("includeMax", true);
                yield build(path, () -> new IntegerRange(name, min, max, step, includeMax));
            }
            case "log_uniform" -> {
                fields.allow(List.of("type", "name", "min", "max", "base", "step", "includeMax"));
                String name = name(fields, key);
                double min = fields.number("min");
                double max = fields.number("max");
                double base = fields.number("base", 10);
                Double step = fields.optionalNumber("step");
                boolean includeMax = fields.bool("includeMax", true);
                yield build(path, () -> new LogUniformRange(name, min, max, base, step, includeMax));
            }
            case "discrete" -> {
                fields.allow(List.of("type", "name", "values"));
                String name = name(fields, key);
                List<Object> values = new ArrayList<>();
                List<?> raw = fields.list("values");
                for (int i = 0; i < raw.size(); i++) {
                    values.add(constant(fields.path("values[" + i + "]"), raw.get(i), "must be a string, a finite number or a boolean"));
                }
                yield build(path, () -> new DiscreteValues(name, values));
            }
            case "parameter_set" -> {
                if (key != null) {
                    throw new InvalidSpaceException(path + ": must not be a parameter set (sets do not nest)");
                }
                yield parameterSet(fields);
            }
            default -> throw new InvalidSpaceException(fields.path("type") + ": unknown type '" + typeName
                    + "' (expected " + TYPES + ")");
        };
    }

    private static String name(JsonFields fields, String key) {
        return key == null ? fields.string("name") : fields.has("name") ? fields.string("name") : key;
    }

    private static ParameterSet parameterSet(JsonFields fields) {
        fields.allow(List.of("type", "name", "combinations"));
        String name = fields.optionalString("name");
        List<?> raw = fields.list("combinations");
        List<Map<String, Object>> combinations = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String path = fields.path("combinations[" + i + "]");
            if (!(raw.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidSpaceException(path + ": must be an object");
            }
            Map<String, Object> combination = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String entryPath = path + "." + key;
                combination.put(key, entry.getValue() instanceof Map<?, ?> nested
                        ? parameter(entryPath, nested, key)
                        : constant(entryPath, entry.getValue(), "must be a string, a finite number, a boolean or a parameter object"));
            }
            combinations.add(combination);
        }
        return build(fields.path(), () -> new ParameterSet(name, combinations));
    }

    private static Object constant(String path, Object value, String expected) {
        if (value == null) {
            throw new InvalidSpaceException(path + ": must not be null");
        }
        try {
            return valueFromJson(value);
        } catch (InvalidSpaceException notAConstant) {
            throw new InvalidSpaceException(path + ": " + expected);
        }
    }

    /** Runs a record constructor, restating its field error with the JSON path. */
    private static <P extends Parameter> P build(String path, Supplier<P> constructor) {
        try {
            return constructor.get();
        } catch (InvalidFieldException e) {
            throw new InvalidSpaceException((e.field() == null ? path : path + "." + e.field()) + ": " + e.detail());
        }
    }

    private static Map<String, Object> toJson(Parameter parameter) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (parameter instanceof UniformRange r) {
            json.put("type", "uniform");
            json.put("name", r.name());
            json.put("min", r.min());
            json.put("max", r.max());
            if (r.step() != null) {
                json.put("step", r.step());
            }
            json.put("includeMax", r.includeMax());
        } else if (parameter instanceof IntegerRange r) {
            json.put("type", "uniform_integer");
            json.put("name", r.name());
            json.put("min", r.min());
            json.put("max", r.max());
            json.put("step", r.step());
            json.put("includeMax", r.includeMax());
        } else if (parameter instanceof LogUniformRange r) {
            json.put("type", "log_uniform");
            json.put("name", r.name());
            json.put("min", r.min());
            json.put("max", r.max());
            json.put("base", r.base());
            if (r.step() != null) {
                json.put("step", r.step());
            }
            json.put("includeMax", r.includeMax());
        } else if (parameter instanceof DiscreteValues d) {
            json.put("type", "discrete");
            json.put("name", d.name());
            json.put("values", new ArrayList<>(d.values()));
        } else if (parameter instanceof ParameterSet s) {
            json.put("type", "parameter_set");
            json.put("name", s.name());
            List<Map<String, Object>> combinations = new ArrayList<>();
            for (Map<String, Object> combination : s.combinations()) {
                Map<String, Object> out = new LinkedHashMap<>();
                combination.forEach((key, entry) -> out.put(key, entry instanceof Parameter nested ? toJson(nested) : entry));
                combinations.add(out);
            }
            json.put("combinations", combinations);
        }
        return json;
    }
}
