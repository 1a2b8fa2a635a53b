package dev.hpo.study;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.space.SearchSpace;
import dev.hpo.stopping.StoppingRule;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/**
 * What a study searches and how, decoded and checked by {@link StudyDefinitionCodec}: the search space, the
 * objectives, the strategy (its catalog entry, settings and the strategy built from them), the early-stopping
 * rule (as stored and built) and the study's limits (whose {@link #budget()} both were built with). Creation decodes a new study's input into one
 * (which checks it), the loop decodes the stored row into one (which it runs); nothing in it changes once the
 * study runs.
 *
 * @param strategySettings the settings to store: as stored, or for a new study as the strategy records them
 *                         ({@link StrategySpec#settingsToRecord}: {@code auto} adds its pick)
 * @param earlyStopping    null for none
 * @param stoppingRule     the rule built from {@code earlyStopping}, null for none
 */
public record StudyDefinition(SearchSpace space, List<Objective> objectives, StrategySpec strategySpec,
                              Map<String, Object> strategySettings, SearchStrategy strategy,
                              EarlyStopping earlyStopping, StoppingRule stoppingRule, StudyLimits limits) {

    public StudyDefinition {
        objectives = List.copyOf(objectives);
    }

    /** The limits the strategy and the stopping rule plan with. */
    public Budget budget() {
        return limits.budget();
    }

    /** The strategy's API name, as stored in {@code strategy_name}. */
    public String strategyName() {
        return strategySpec.name();
    }

    /** Whether the strategy reads intermediate values (see {@link StrategySpec#readsIntermediateValues}). */
    public boolean strategyReadsIntermediateValues() {
        return strategySpec.readsIntermediateValues();
    }
}
