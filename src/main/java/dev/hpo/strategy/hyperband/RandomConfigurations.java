package dev.hpo.strategy.hyperband;

import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.SearchSpace;
import dev.hpo.space.TriedPoints;
import dev.hpo.strategy.StrategyContext;

/** Hyperband's configurations: uniform random points of the space that no earlier experiment had. */
final class RandomConfigurations implements ConfigurationSource {

    /** Draws before concluding that the space has no new point left. */
    static final int MAX_DRAWS = 100;

    @Override
    public Map<String, Object> next(StrategyContext context, TriedPoints taken) {
        return fresh(context.space(), context.random(), taken);
    }

    static Map<String, Object> fresh(SearchSpace space, UniformRandomProvider random, TriedPoints taken) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Map<String, Object> point = space.sample(random);
            if (!taken.contains(point)) {
                return point;
            }
        }
        return null;
    }
}
