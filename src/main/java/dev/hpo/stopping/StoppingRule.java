package dev.hpo.stopping;

import java.util.List;

import dev.hpo.objective.Objective;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;

/**
 * Decides whether a running experiment should stop early, from the intermediate values of the study's first
 * objective. Like a strategy it is a pure function of the history: the study loop calls {@link #shouldStop}
 * for every running experiment on each tick, and ends those it answers true for as {@code ABORTED} with reason
 * {@code pruned}.
 */
public interface StoppingRule {

    /**
     * @param running   the running experiment (state {@link dev.hpo.trial.TrialState#PENDING})
     * @param trials    every experiment of the study in creation order, {@code running} included
     * @param objective the objective whose series the intermediate values are (raw values; use
     *                  {@link Objective#loss} to compare)
     * @param budget    the study's limits (min/max iteration per job)
     */
    boolean shouldStop(Trial running, List<Trial> trials, Objective objective, Budget budget);
}
