package dev.hpo.loop;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hpo.objective.Objective;
import dev.hpo.space.SearchSpace;
import dev.hpo.stopping.StoppingRule;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.study.StudyLimits;
import dev.hpo.trial.Budget;

/**
 * What a tick needs of a study that never changes once it runs (space, objectives, strategy and rule built
 * from their settings, the limits the rules read, base experiment). Built once per study per replica, so a tick parses no JSON it has parsed
 * before; what changes between ticks is in the {@link StudySnapshot}.
 */
final class StudyModel {

    final UUID studyId;
    final SearchSpace space;
    final List<Objective> objectives;
    final SearchStrategy strategy;
    final StoppingRule stoppingRule;
    final boolean strategyNeedsIntermediate;
    /** The study's limits from its stored definition; the tick's rules read them here. */
    final StudyLimits limits;
    /** {@code limits.budget()}: what the strategy and the stopping rule plan with. */
    final Budget budget;
    final BaseExperimentRow base;
    final Map<String, Object> baseParameters;
    final List<String> command;
    final Map<String, String> environment;

    StudyModel(UUID studyId, SearchSpace space, List<Objective> objectives, SearchStrategy strategy,
               StoppingRule stoppingRule, boolean strategyNeedsIntermediate, StudyLimits limits, BaseExperimentRow base,
               Map<String, Object> baseParameters, List<String> command, Map<String, String> environment) {
        this.studyId = studyId;
        this.space = space;
        this.objectives = List.copyOf(objectives);
        this.strategy = strategy;
        this.stoppingRule = stoppingRule;
        this.strategyNeedsIntermediate = strategyNeedsIntermediate;
        this.limits = limits;
        this.budget = limits == null ? null : limits.budget();
        this.base = base;
        this.baseParameters = baseParameters;
        this.command = command;
        this.environment = environment;
    }

    Objective firstObjective() {
        return objectives.get(0);
    }

    boolean needsIntermediate() {
        return stoppingRule != null || strategyNeedsIntermediate;
    }
}
