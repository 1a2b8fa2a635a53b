package dev.hpo.strategy.hyperband;

import java.util.Map;

import dev.hpo.space.TriedPoints;
import dev.hpo.strategy.StrategyContext;

/** Where the new configurations of a bracket's first rung come from: random for Hyperband, a model for BOHB. */
interface ConfigurationSource {

    /**
     * A configuration that {@code taken} does not contain (no earlier experiment, at any budget, had the same
     * {@code SearchSpace.canonicalKey}), or null when none could be found (the space is used up or nearly so).
     */
    Map<String, Object> next(StrategyContext context, TriedPoints taken);
}
