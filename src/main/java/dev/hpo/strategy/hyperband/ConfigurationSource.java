package dev.hpo.strategy.hyperband;

import java.util.Map;
import java.util.Set;

import dev.hpo.strategy.StrategyContext;

/** Where the new configurations of a bracket's first rung come from: random for Hyperband, a model for BOHB. */
interface ConfigurationSource {

    /**
     * A configuration whose {@code SearchSpace.canonicalKey} is not in {@code taken} (no earlier experiment had
     * it), or null when none could be found (the space is used up or nearly so).
     */
    Map<String, Object> next(StrategyContext context, Set<String> taken);
}
