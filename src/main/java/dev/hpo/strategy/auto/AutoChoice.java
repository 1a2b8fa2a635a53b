package dev.hpo.strategy.auto;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.space.SearchSpace;
import dev.hpo.trial.Budget;

/**
 * The rules of {@code auto}, first match wins:
 * <ol>
 *   <li>several objectives: {@code tpe} (MOTPE, the service's multi-objective strategy);</li>
 *   <li>a conditional space (a parameter set): {@code tpe} with {@code multivariate}, which models each
 *       combination's nested parameters jointly;</li>
 *   <li>no ordered parameter, or more categorical than ordered ones: {@code tpe} with {@code multivariate}
 *       (categories are what its densities handle natively, and the joint density sees which go together);</li>
 *   <li>every parameter a discrete choice (a tabular space, no numeric range): {@code tpe} with
 *       {@code multivariate}; measured on the five HPOLib tables (bench/results/strategies-gp-auto.md), where it beat
 *       or tied {@code gp} on every one;</li>
 *   <li>more than {@value #GP_MAX_DIMENSIONS} parameters: {@code tpe} (a GP's length scales need more data than a
 *       small budget gives);</li>
 *   <li>no job budget ({@code totalMaxJobs}), or one above {@value #GP_MAX_JOBS}: {@code tpe} (a GP's suggestion
 *       cost grows with the cube of the history);</li>
 *   <li>otherwise {@code gp}: a mostly numeric space of up to {@value #GP_MAX_DIMENSIONS} parameters and a budget
 *       of at most {@value #GP_MAX_JOBS} experiments, where Gaussian-process BO is the strongest choice.</li>
 * </ol>
 * Multi-fidelity strategies ({@code hyperband}, {@code bohb}) and early-stopping rules are never chosen: they change
 * what an experiment is, which is the user's call.
 */
final class AutoChoice {

    static final int GP_MAX_DIMENSIONS = 20;
    static final int GP_MAX_JOBS = 300;

    /** A concrete strategy with its settings and the rule that picked it. */
    record Choice(String strategy, Map<String, Object> settings, String reason) {
    }

    private AutoChoice() {
    }

    static Choice choose(SearchSpace space, List<Objective> objectives, Budget budget) {
        SpaceProfile profile = SpaceProfile.of(space);
        if (objectives != null && objectives.size() > 1) {
            return new Choice("tpe", Map.of(), "several objectives");
        }
        if (profile.conditional()) {
            return new Choice("tpe", Map.of("multivariate", true), "conditional space");
        }
        if (profile.ordered() == 0 || profile.categorical() > profile.ordered()) {
            return new Choice("tpe", Map.of("multivariate", true), "mostly categorical space");
        }
        if (profile.ranges() == 0) {
            return new Choice("tpe", Map.of("multivariate", true), "only discrete choices");
        }
        if (profile.dimensions() > GP_MAX_DIMENSIONS) {
            return new Choice("tpe", Map.of(), "more than " + GP_MAX_DIMENSIONS + " parameters");
        }
        Integer jobs = budget == null ? null : budget.totalMaxJobs();
        if (jobs == null || jobs > GP_MAX_JOBS) {
            return new Choice("tpe", Map.of(), jobs == null ? "no job budget" : "more than " + GP_MAX_JOBS + " jobs");
        }
        return new Choice("gp", Map.of(), "small numeric space and budget");
    }
}
