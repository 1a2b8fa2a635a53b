package dev.hpo.strategy;

import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.objective.Objective;
import dev.hpo.space.SearchSpace;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;

/**
 * The read-only view a strategy gets for one suggestion.
 *
 * @param space      the search space
 * @param objectives the study's objectives, in order (at least one)
 * @param trials     every experiment of the study in creation order, pending ones included; the suggestion
 *                   being made will get number {@code trials.size()}
 * @param state      the strategy's saved state (JSON-compatible maps, lists, strings, numbers, booleans);
 *                   empty before the first suggestion. Numbers may come back as any {@link Number}.
 * @param random     a generator seeded from the study seed and {@code trials.size()}, fresh for this call
 * @param budget     the study's limits
 */
public record StrategyContext(SearchSpace space, List<Objective> objectives, List<Trial> trials,
                              Map<String, Object> state, UniformRandomProvider random, Budget budget) {

    /** The trial's objective values as losses (smaller is better), or null when it has none. */
    public double[] losses(Trial trial) {
        if (trial.values() == null) {
            return null;
        }
        double[] losses = new double[trial.values().length];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = objectives.get(i).loss(trial.values()[i]);
        }
        return losses;
    }
}
