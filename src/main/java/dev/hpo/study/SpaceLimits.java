package dev.hpo.study;

import static dev.hpo.shared.InputLimits.MAX_COMBINATIONS;
import static dev.hpo.shared.InputLimits.MAX_DISCRETE_VALUES;
import static dev.hpo.shared.InputLimits.MAX_NAME_LENGTH;
import static dev.hpo.shared.InputLimits.MAX_PARAMETERS;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hpo.shared.InvalidInputException;

/**
 * The size limits of a search space ({@link dev.hpo.shared.InputLimits}), checked on the request's JSON before it
 * is decoded: decoding is not linear everywhere (a parameter set compares its combinations pairwise, 8 s for
 * 10,000), so the sizes must be known small first. The request's list of parameters is bounded by its annotation;
 * this bounds what it nests: values, combinations, the keys of combinations, and names. Each violation is a 400
 * naming the JSON path; anything malformed is left to the decoder, which reports it.
 */
final class SpaceLimits {

    private SpaceLimits() {
    }

    static void check(List<?> parameters) {
        if (parameters == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (!(parameters.get(i) instanceof Map<?, ?> parameter)) {
                continue;
            }
            String path = "parameters[" + i + "]";
            if (parameter.get("combinations") instanceof List<?> combinations) {
                checkName(path + ".name", parameter.get("name"));
                checkSize(path + ".combinations", combinations, MAX_COMBINATIONS, "combinations");
                for (int c = 0; c < combinations.size(); c++) {
                    if (combinations.get(c) instanceof Map<?, ?> combination) {
                        checkCombination(path + ".combinations[" + c + "]", combination, names);
                    }
                }
            } else {
                checkParameter(path, parameter);
                if (parameter.get("name") instanceof String name) {
                    count(names, name);
                }
            }
        }
    }

    private static void checkCombination(String path, Map<?, ?> combination, Set<String> names) {
        for (Map.Entry<?, ?> entry : combination.entrySet()) {
            String key = String.valueOf(entry.getKey());
            checkName(path, key);
            count(names, key);
            if (entry.getValue() instanceof Map<?, ?> nested) {
                checkParameter(path + "." + key, nested);
            }
        }
    }

    private static void checkParameter(String path, Map<?, ?> parameter) {
        checkName(path + ".name", parameter.get("name"));
        if (parameter.get("values") instanceof List<?> values) {
            checkSize(path + ".values", values, MAX_DISCRETE_VALUES, "values");
        }
    }

    /** Adds a parameter name, failing as soon as there are too many (not after walking 200,000 keys). */
    private static void count(Set<String> names, String name) {
        if (names.add(name) && names.size() > MAX_PARAMETERS) {
            throw new InvalidInputException("parameters", "a search space may name at most " + MAX_PARAMETERS
                    + " parameters (top-level ones plus the keys of parameter sets)");
        }
    }

    private static void checkSize(String path, List<?> list, int max, String what) {
        if (list.size() > max) {
            throw new InvalidInputException(path, "must hold at most " + max + " " + what + ", not " + list.size());
        }
    }

    private static void checkName(String path, Object name) {
        if (name instanceof String text && text.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(path, "a parameter name must be at most " + MAX_NAME_LENGTH
                    + " characters, not " + text.length());
        }
    }
}
