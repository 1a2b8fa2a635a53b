package dev.hpo.loop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;

import dev.hpo.objective.Objective;
import dev.hpo.space.SearchSpace;
import dev.hpo.stopping.StoppingRule;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.trial.Budget;

/**
 * What a tick needs of a study that never changes once it runs (space, objectives, strategy and rule built
 * from their settings, base experiment), plus memos of what never changes once written: each experiment's
 * parameters and an ended experiment's intermediate values. Built once per study per replica, so a tick
 * parses no JSON it has parsed before.
 *
 * <p>Only the tick of its study touches the memos, and ticks of one study never overlap on a replica (the
 * {@link TickCoalescer}), so they need no locking.
 */
final class StudyModel {

    final UUID studyId;
    final SearchSpace space;
    final List<Objective> objectives;
    final SearchStrategy strategy;
    final StoppingRule stoppingRule;
    final boolean strategyNeedsIntermediate;
    final Budget budget;
    final BaseExperimentRow base;
    final Map<String, Object> baseParameters;
    final List<String> command;
    final Map<String, String> environment;

    /** Every experiment of the study, number i at index i, kept in step by the ticks (see {@link HistoryLoader}). */
    final List<ExperimentRow> rows = new ArrayList<>();
    /** Per objective: summaries by experiment id, kept in step with {@link #rows}. */
    final List<Map<UUID, dev.hpo.objective.MetricSummary>> summaries = new ArrayList<>();
    /** False until the first tick loaded every row; a model rebuilt after a takeover starts from scratch. */
    boolean loaded;

    /** Parameters of experiment number i at index i. */
    final List<Map<String, Object>> parametersByNumber = new ArrayList<>();
    /** Canonical key (parameters and budget) of experiment number i at index i, for dropping repeats. */
    final List<String> keysByNumber = new ArrayList<>();
    /** Intermediate values of the first objective for experiments that have ended (immutable from then on). */
    final Map<UUID, NavigableMap<Long, Double>> endedIntermediate = new HashMap<>();
    /** Why the strategy said it is exhausted, and at which history size (it is final once said). */
    String exhaustedReason;
    /** For each running experiment, the report count at which the stopping rule last said "go on". */
    final Map<UUID, Long> stoppingCheckedAt = new HashMap<>();
    long lastWorkerLeaseCheckNanos = Long.MIN_VALUE;

    StudyModel(UUID studyId, SearchSpace space, List<Objective> objectives, SearchStrategy strategy,
               StoppingRule stoppingRule, boolean strategyNeedsIntermediate, Budget budget, BaseExperimentRow base,
               Map<String, Object> baseParameters, List<String> command, Map<String, String> environment) {
        this.studyId = studyId;
        this.space = space;
        this.objectives = List.copyOf(objectives);
        this.strategy = strategy;
        this.stoppingRule = stoppingRule;
        this.strategyNeedsIntermediate = strategyNeedsIntermediate;
        this.budget = budget;
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
