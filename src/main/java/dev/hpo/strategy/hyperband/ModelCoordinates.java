package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;

/**
 * The parameters BOHB's density model covers, as coordinates: each top-level numeric range with more than one
 * value on its search scale (the exponent for log-uniform) mapped to [0, 1], each discrete parameter as the index
 * of its value. A point is always written back through {@link NumericRange#valueAt}, so a log-uniform parameter
 * gets {@code base ** exponent}, never the exponent. Parameter sets are not modelled (sampled at random).
 */
record ModelCoordinates(List<Parameter> parameters) {

    static ModelCoordinates of(SearchSpace space) {
        List<Parameter> modelled = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof NumericRange range && range.high() > range.low()) {
                modelled.add(range);
            } else if (parameter instanceof DiscreteValues values && values.values().size() > 1) {
                modelled.add(values);
            }
        }
        return new ModelCoordinates(List.copyOf(modelled));
    }

    int dimension() {
        return parameters.size();
    }

    /** Number of categories per coordinate, 0 for a continuous one. */
    int[] categories() {
        int[] categories = new int[parameters.size()];
        for (int j = 0; j < categories.length; j++) {
            if (parameters.get(j) instanceof DiscreteValues values) {
                categories[j] = values.values().size();
            }
        }
        return categories;
    }

    /** The coordinates of a point, or null when a value is missing or not one the parameter holds. */
    double[] encode(Map<String, Object> point) {
        double[] x = new double[parameters.size()];
        for (int j = 0; j < x.length; j++) {
            Parameter parameter = parameters.get(j);
            Object value = point.get(parameter.name());
            if (value == null) {
                return null;
            }
            if (parameter instanceof NumericRange range) {
                if (!(value instanceof Number)) {
                    return null;
                }
                try {
                    x[j] = (range.coordinateOf(value) - range.low()) / (range.high() - range.low());
                } catch (IllegalArgumentException notOfThisRange) {
                    return null;
                }
                if (!Double.isFinite(x[j])) {
                    return null;
                }
            } else {
                int index = indexOf(((DiscreteValues) parameter).values(), value);
                if (index < 0) {
                    return null;
                }
                x[j] = index;
            }
        }
        return x;
    }

    /** Writes coordinates into {@code point} as the values the parameters hold. */
    void decode(double[] x, Map<String, Object> point) {
        for (int j = 0; j < x.length; j++) {
            Parameter parameter = parameters.get(j);
            if (parameter instanceof NumericRange range) {
                point.put(range.name(), range.valueAt(range.low() + x[j] * (range.high() - range.low())));
            } else {
                List<Object> values = ((DiscreteValues) parameter).values();
                int index = (int) Math.max(0, Math.min(values.size() - 1, Math.round(x[j])));
                point.put(parameter.name(), values.get(index));
            }
        }
    }

    /** Index of a value among discrete values; numbers match by value (a JSON round trip may change their type). */
    private static int indexOf(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            Object candidate = values.get(i);
            if (candidate.equals(value)) {
                return i;
            }
            if (candidate instanceof Number a && value instanceof Number b && a.doubleValue() == b.doubleValue()) {
                return i;
            }
        }
        return -1;
    }
}
