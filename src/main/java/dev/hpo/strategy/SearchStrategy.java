package dev.hpo.strategy;

import dev.hpo.trial.TrialState;

/**
 * Chooses the parameters of the next experiment of a study.
 *
 * <p>Call order: the study loop builds a {@link StrategyContext} from the database and calls {@link #suggest}
 * once per free slot. After each {@link Suggestion.Point} it creates the experiment, saves the returned state in
 * the same transaction, and appends the new experiment to the history as {@link TrialState#PENDING} before the
 * next call. A strategy instance holds no mutable state between calls: everything it needs is the history,
 * the saved state and the generator, so a restart or another replica continues exactly where it was.
 *
 * <p>Contract (checked by the shared strategy contract test): same space, history, state and seed give the same
 * suggestion; every value lies in the space; no point repeats an earlier one unless the strategy documents why
 * (e.g. a higher budget); {@link Suggestion.Exhausted} once nothing new can come.
 */
public interface SearchStrategy {

    /** The next suggestion for this history. */
    Suggestion suggest(StrategyContext context);
}
