package dev.hpo.study;

import static dev.hpo.shared.InputLimits.MAX_COMBINATIONS;
import static dev.hpo.shared.InputLimits.MAX_DISCRETE_VALUES;
import static dev.hpo.shared.InputLimits.MAX_NAME_LENGTH;
import static dev.hpo.shared.InputLimits.MAX_PARAMETERS;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.hpo.shared.InvalidInputException;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;

/**
 * The size limits of a search space ({@link dev.hpo.shared.InputLimits}), checked on the decoded space before any
 * strategy sees it: the request's list of parameters is bounded by its annotation, but values, combinations and
 * the parameters nested in sets are not. Each violation is a 400 naming the JSON path.
 */
final class SpaceLimits {

    private SpaceLimits() {
    }

    static void check(SearchSpace space) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < space.parameters().size(); i++) {
            Parameter parameter = space.parameters().get(i);
            String path = "parameters[" + i + "]";
            if (parameter instanceof ParameterSet set) {
                checkSet(path, set, names);
            } else {
                checkParameter(path, parameter);
                names.add(parameter.name());
            }
        }
        if (names.size() > MAX_PARAMETERS) {
            throw new InvalidInputException("parameters", "a search space may name at most " + MAX_PARAMETERS
                    + " parameters (top-level ones plus the keys of parameter sets); this one names " + names.size());
        }
    }

    private static void checkSet(String path, ParameterSet set, Set<String> names) {
        if (set.name() != null) {
            checkName(path + ".name", set.name());
        }
        if (set.combinations().size() > MAX_COMBINATIONS) {
            throw new InvalidInputException(path + ".combinations", "must hold at most " + MAX_COMBINATIONS
                    + " combinations, not " + set.combinations().size());
        }
        for (int c = 0; c < set.combinations().size(); c++) {
            String combination = path + ".combinations[" + c + "]";
            for (Map.Entry<String, Object> entry : set.combinations().get(c).entrySet()) {
                checkName(combination, entry.getKey());
                names.add(entry.getKey());
                if (entry.getValue() instanceof Parameter nested) {
                    checkParameter(combination + "." + entry.getKey(), nested);
                }
            }
        }
    }

    private static void checkParameter(String path, Parameter parameter) {
        checkName(path + ".name", parameter.name());
        if (parameter instanceof DiscreteValues discrete && discrete.values().size() > MAX_DISCRETE_VALUES) {
            throw new InvalidInputException(path + ".values", "must hold at most " + MAX_DISCRETE_VALUES
                    + " values, not " + discrete.values().size());
        }
    }

    private static void checkName(String path, String name) {
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(path, "a parameter name must be at most " + MAX_NAME_LENGTH
                    + " characters, not " + name.length());
        }
    }
}
