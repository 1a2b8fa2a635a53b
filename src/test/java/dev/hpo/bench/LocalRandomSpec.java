package dev.hpo.bench;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.Budget;
import dev.hpo.strategy.InvalidStrategyException;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.SettingSpec;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.Suggestion;

/** Random search, built here until the catalog of branch {@code strategies} is merged: one uniform point per call. */
final class LocalRandomSpec implements StrategySpec {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniform random points (benchmark stand-in)";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of();
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        if (!settings.isEmpty()) {
            throw new InvalidStrategyException("random takes no settings, got " + settings.keySet());
        }
        return context -> new Suggestion.Point(LocalSampling.sample(context.space(), context.random()));
    }
}
