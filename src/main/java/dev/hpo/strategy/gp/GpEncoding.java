package dev.hpo.strategy.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;

/**
 * Maps the space's top-level parameters to the model's coordinates and back.
 *
 * <ul>
 *   <li>A uniform, integer or log-uniform range is one coordinate in [0, 1] on its search scale (the exponent for
 *       log-uniform). An integer or stepped range is a lattice: widened by half a step on each side so every value
 *       owns a cell of the same width, a coordinate stands for the value of its cell (Optuna's GP encodes integers
 *       the same way).</li>
 *   <li>A discrete choice among two or more numbers is a lattice of their ranks (smallest first): learning rates
 *       and widths are ordered, and neighbouring ranks are expected to be alike.</li>
 *   <li>Any other discrete choice (strings, booleans, mixed), and the choice of a parameter set's combination, is
 *       categorical: an index that the kernel compares only for equality. The parameters nested inside a chosen
 *       combination are not modelled; they are drawn at random, as CMA-ES does with what it cannot model.</li>
 * </ul>
 * A parameter with a single value is no coordinate.
 */
final class GpEncoding {

    private final List<Parameter> parameters;
    /** For each parameter, its coordinate index, or -1 when it holds one value. */
    private final int[] coordinate;
    private final List<GpDimension> dimensions = new ArrayList<>();
    /** Ordered values of the numeric discrete choices, by parameter index (null for others). */
    private final List<List<Object>> ranked = new ArrayList<>();

    GpEncoding(SearchSpace space) {
        this.parameters = space.parameters();
        this.coordinate = new int[parameters.size()];
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            GpDimension dimension = dimensionOf(parameter);
            ranked.add(parameter instanceof DiscreteValues choice && allNumbers(choice.values())
                    ? sortedNumbers(choice.values()) : null);
            coordinate[p] = dimension == null ? -1 : dimensions.size();
            if (dimension != null) {
                dimensions.add(dimension);
            }
        }
    }

    List<GpDimension> dimensions() {
        return dimensions;
    }

    int size() {
        return dimensions.size();
    }

    /** The coordinates of an experiment's parameters, or null when a value is missing or not in the space. */
    double[] encode(Map<String, Object> point) {
        double[] x = new double[dimensions.size()];
        for (int p = 0; p < parameters.size(); p++) {
            int d = coordinate[p];
            if (d < 0) {
                continue;
            }
            double value = encodeOne(p, point);
            if (Double.isNaN(value)) {
                return null;
            }
            x[d] = dimensions.get(d).snap(value);
        }
        return x;
    }

    /** The parameters for coordinates {@code x}; the nested parameters of a parameter set are drawn from {@code random}. */
    Map<String, Object> decode(double[] x, UniformRandomProvider random) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            int d = coordinate[p];
            double at = d < 0 ? 0 : dimensions.get(d).snap(x[d]);
            if (parameter instanceof NumericRange range) {
                point.put(range.name(), range.valueAt(origin(range) + at * span(range)));
            } else if (parameter instanceof DiscreteValues choice) {
                List<Object> values = ranked.get(p) != null ? ranked.get(p) : choice.values();
                int index = d < 0 ? 0 : dimensions.get(d).categorical() ? (int) at : dimensions.get(d).cell(at);
                point.put(choice.name(), values.get(index));
            } else if (parameter instanceof ParameterSet set) {
                Map<String, Object> combination = set.combinations().get(d < 0 ? 0 : (int) at);
                point.putAll(new SearchSpace(List.of(new ParameterSet(set.name(), List.of(combination))))
                        .sample(random));
            }
        }
        return point;
    }

    private double encodeOne(int p, Map<String, Object> point) {
        Parameter parameter = parameters.get(p);
        if (parameter instanceof NumericRange range) {
            Object value = point.get(range.name());
            return value == null ? Double.NaN : (range.coordinateOf(value) - origin(range)) / span(range);
        }
        if (parameter instanceof DiscreteValues choice) {
            List<Object> values = ranked.get(p) != null ? ranked.get(p) : choice.values();
            int index = indexOf(values, point.get(choice.name()));
            if (index < 0) {
                return Double.NaN;
            }
            return ranked.get(p) != null ? (index + 0.5) / values.size() : index;
        }
        return combinationOf((ParameterSet) parameter, point);
    }

    private static GpDimension dimensionOf(Parameter parameter) {
        if (parameter instanceof NumericRange range) {
            if (range.resolution() > 0) {
                int cells = (int) Math.round(span(range) / range.resolution());
                return cells > 1 ? new GpDimension(range.name(), GpDimension.Kind.LATTICE, cells) : null;
            }
            return range.high() > range.low() ? new GpDimension(range.name(), GpDimension.Kind.CONTINUOUS, 0) : null;
        }
        if (parameter instanceof DiscreteValues choice) {
            return choice.values().size() < 2 ? null
                    : new GpDimension(choice.name(), allNumbers(choice.values()) ? GpDimension.Kind.LATTICE
                            : GpDimension.Kind.CATEGORICAL, choice.values().size());
        }
        ParameterSet set = (ParameterSet) parameter;
        return set.combinations().size() < 2 ? null
                : new GpDimension(set.name(), GpDimension.Kind.CATEGORICAL, set.combinations().size());
    }

    private static double origin(NumericRange range) {
        return range.low() - range.resolution() / 2;
    }

    private static double span(NumericRange range) {
        double span = range.high() - range.low() + range.resolution();
        return span > 0 ? span : 1;
    }

    private static boolean allNumbers(List<Object> values) {
        return values.size() >= 2 && values.stream().allMatch(Number.class::isInstance);
    }

    private static List<Object> sortedNumbers(List<Object> values) {
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
        return List.copyOf(sorted);
    }

    private static int indexOf(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (same(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** The first combination whose constants the point holds and whose keys it has; NaN when none. */
    private static double combinationOf(ParameterSet set, Map<String, Object> point) {
        for (int c = 0; c < set.combinations().size(); c++) {
            boolean matches = true;
            for (Map.Entry<String, Object> entry : set.combinations().get(c).entrySet()) {
                Object value = point.get(entry.getKey());
                if (value == null || !(entry.getValue() instanceof Parameter) && !same(entry.getValue(), value)) {
                    matches = false;
                    break;
                }
            }
            if (matches) {
                return c;
            }
        }
        return Double.NaN;
    }

    /** Equality as the space defines it: numbers by value (JSON may turn a long into an int), others by equals. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && a.equals(b);
    }
}
