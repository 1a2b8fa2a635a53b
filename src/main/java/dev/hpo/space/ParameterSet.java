package dev.hpo.space;

import java.util.List;
import java.util.Map;

/**
 * A choice among whole combinations of parameter values. Each combination maps parameter names to a constant
 * ({@link String}, {@link Long}, {@link Double}, {@link Boolean}) or to a nested {@link Parameter} (never another
 * {@code ParameterSet}) whose name is the key. Choosing a combination sets every key it has, so parameters that
 * appear in only some combinations are conditional on that choice.
 *
 * @param name the name of the choice itself; defaults to {@code parameter_set} (it is not sent to experiments)
 */
public record ParameterSet(String name, List<Map<String, Object>> combinations) implements Parameter {
}
