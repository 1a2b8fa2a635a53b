package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;

/**
 * One parameter as a model coordinate: a numeric range on its search scale, or a categorical choice (discrete
 * values, or which combination of a parameter set). Reads the coordinate of an observation and writes a coordinate
 * back as a value.
 */
sealed interface Variable permits Variable.Numeric, Variable.Categorical, Variable.Ordinal {

    /** The coordinate of this parameter in {@code parameters}, or NaN when they do not have it. */
    double encode(Map<String, Object> parameters);

    /** The model variable of a parameter. */
    static Variable of(Parameter parameter, TpeOptions options) {
        if (parameter instanceof NumericRange range) {
            return new Numeric(range);
        }
        if (parameter instanceof DiscreteValues values) {
            if (options.ordinalNumbers() && Ordinal.applies(values)) {
                return Ordinal.of(values);
            }
            return new Categorical(parameter, values.values().size());
        }
        return new Categorical(parameter, ((ParameterSet) parameter).combinations().size());
    }

    /** A numeric range; coordinates are on its search scale (the exponent for log-uniform). */
    record Numeric(NumericRange range) implements Variable {

        @Override
        public double encode(Map<String, Object> parameters) {
            Object value = parameters.get(range.name());
            if (!(value instanceof Number)) {
                return Double.NaN;
            }
            try {
                double coordinate = range.coordinateOf(value);
                return Double.isFinite(coordinate) ? coordinate : Double.NaN;
            } catch (RuntimeException notOfThisRange) {
                return Double.NaN;
            }
        }
    }

    /** Discrete values, or a parameter set's combinations; coordinates are choice indices. */
    record Categorical(Parameter parameter, int size) implements Variable {

        @Override
        public double encode(Map<String, Object> parameters) {
            int index;
            if (parameter instanceof DiscreteValues values) {
                index = Values.indexOf(values.values(), parameters.get(values.name()));
            } else {
                index = Values.chosenCombination((ParameterSet) parameter, parameters);
            }
            return index < 0 ? Double.NaN : index;
        }
    }

    /**
     * Discrete values that are all numbers, modelled on the ordered lattice of their ranks (0 = smallest) so that
     * neighbouring values share evidence, as a stepped range would.
     */
    record Ordinal(DiscreteValues values, List<Object> sorted) implements Variable {

        static boolean applies(DiscreteValues values) {
            return values.values().size() >= 3 && values.values().stream().allMatch(v -> v instanceof Number);
        }

        static Ordinal of(DiscreteValues values) {
            List<Object> sorted = new ArrayList<>(values.values());
            sorted.sort(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
            return new Ordinal(values, List.copyOf(sorted));
        }

        @Override
        public double encode(Map<String, Object> parameters) {
            int index = Values.indexOf(sorted, parameters.get(values.name()));
            return index < 0 ? Double.NaN : index;
        }

        Object decode(double coordinate) {
            int index = (int) Math.max(0, Math.min(sorted.size() - 1, Math.round(coordinate)));
            return sorted.get(index);
        }
    }
}
