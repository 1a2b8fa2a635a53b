package dev.hpo.importance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.hpo.importance.Column;
import dev.hpo.objective.Objective;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.SpaceCodec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a study's COMPLETED experiments that reported an objective into PED-ANOVA's input: one column per
 * parameter of the search space (numeric ranges on their search scale, discrete values and the keys of parameter
 * sets as categories, or as numbers when every value seen is one) and the objective as a loss. Reads parameters
 * and the objective's summary in one query, without loading entities or scalar points.
 */
@Component
class ImportanceInputs {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    ImportanceInputs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns and the losses, trial by trial. */
    record Inputs(List<Column> columns, double[] losses) {
    }

    Inputs load(UUID studyId, List<Map<String, Object>> spaceJson, Objective objective) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        jdbc.query("""
                select e.parameters::text, m.last_value, m.min_value, m.max_value
                from experiment e join metric_summary m on m.experiment_id = e.id and m.title = ? and m.series = ?
                where e.study_id = ? and e.status = 'COMPLETED' order by e.number""",
                rs -> {
                    double value = switch (objective.sign()) {
                        case MIN, MAX -> rs.getDouble(2);
                        case MIN_GLOBAL -> rs.getDouble(3);
                        case MAX_GLOBAL -> rs.getDouble(4);
                    };
                    if (Double.isFinite(value)) {
                        parameters.add(JSON.readValue(rs.getString(1), MAP));
                        values.add(value);
                    }
                }, objective.title(), objective.series(), studyId);
        double[] losses = new double[values.size()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = objective.loss(values.get(i));
        }
        SearchSpace space = SpaceCodec.fromJson(spaceJson);
        List<Column> columns = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof NumericRange range) {
                columns.add(numeric(range, parameters));
            } else if (parameter instanceof DiscreteValues discrete) {
                columns.add(categorical(discrete.name(), discrete.values(), parameters));
            } else if (parameter instanceof ParameterSet set) {
                for (String key : keysOf(set)) {
                    columns.add(inferred(key, parameters));
                }
            }
        }
        return new Inputs(columns, losses);
    }

    private static Column numeric(NumericRange range, List<Map<String, Object>> trials) {
        double[] coordinates = new double[trials.size()];
        for (int i = 0; i < coordinates.length; i++) {
            Object value = trials.get(i).get(range.name());
            coordinates[i] = Double.NaN;
            if (value != null) {
                try {
                    coordinates[i] = range.coordinateOf(SpaceCodec.valueFromJson(value));
                } catch (RuntimeException e) {
                    // a value the range does not hold (edited by hand): left out
                }
            }
        }
        return new Column.Numeric(range.name(), range.low(), range.high(), coordinates);
    }

    private static Column categorical(String name, List<Object> known, List<Map<String, Object>> trials) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Object value : known) {
            codes.putIfAbsent(String.valueOf(value), codes.size());
        }
        int[] column = new int[trials.size()];
        for (int i = 0; i < column.length; i++) {
            Object value = trials.get(i).get(name);
            column[i] = value == null ? -1
                    : codes.computeIfAbsent(String.valueOf(SpaceCodec.valueFromJson(value)), k -> codes.size());
        }
        return new Column.Categorical(name, Math.max(1, codes.size()), column);
    }

    /** A parameter set's key: numeric over the values seen when all are numbers, else categorical. */
    private static Column inferred(String name, List<Map<String, Object>> trials) {
        double[] numbers = new double[trials.size()];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < numbers.length; i++) {
            Object value = trials.get(i).get(name);
            if (value == null) {
                numbers[i] = Double.NaN;
            } else if (value instanceof Number number && !(value instanceof Boolean)) {
                numbers[i] = number.doubleValue();
                low = Math.min(low, numbers[i]);
                high = Math.max(high, numbers[i]);
            } else {
                return categorical(name, List.of(), trials);
            }
        }
        return low <= high ? new Column.Numeric(name, low, high, numbers) : categorical(name, List.of(), trials);
    }

    private static List<String> keysOf(ParameterSet set) {
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> combination : set.combinations()) {
            for (String key : combination.keySet()) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
