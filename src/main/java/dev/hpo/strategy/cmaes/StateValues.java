package dev.hpo.strategy.cmaes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the saved JSON state back. After a JSON round trip a number may be any {@link Number} and a list any
 * {@link List}, so everything goes through {@link Number#doubleValue()} and {@link List#get}.
 */
final class StateValues {

    private StateValues() {
    }

    static double number(Map<String, Object> state, String key) {
        Object value = state.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("saved CMA-ES state has no number '" + key + "'");
        }
        return number.doubleValue();
    }

    static int integer(Map<String, Object> state, String key) {
        return (int) Math.round(number(state, key));
    }

    static double[] vector(Object value) {
        List<?> list = (List<?>) value;
        double[] vector = new double[list.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) list.get(i)).doubleValue();
        }
        return vector;
    }

    static double[][] matrix(Object value) {
        List<?> rows = (List<?>) value;
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = vector(rows.get(i));
        }
        return matrix;
    }

    static List<Double> list(double[] vector) {
        List<Double> list = new ArrayList<>(vector.length);
        for (double value : vector) {
            list.add(value);
        }
        return list;
    }

    static List<List<Double>> list(double[][] matrix) {
        List<List<Double>> list = new ArrayList<>(matrix.length);
        for (double[] row : matrix) {
            list.add(list(row));
        }
        return list;
    }
}
