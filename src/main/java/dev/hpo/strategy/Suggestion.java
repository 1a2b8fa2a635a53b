package dev.hpo.strategy;

import java.util.Map;

/**
 * What a strategy answers to one request: a new point, "nothing now, ask again when an experiment ends",
 * or "the space is used up".
 */
public sealed interface Suggestion permits Suggestion.Point, Suggestion.Wait, Suggestion.Exhausted {

    /** The state to save with the created experiment (same transaction); null keeps the saved state. */
    Map<String, Object> state();

    /**
     * A new experiment to create.
     *
     * @param parameters   parameter name to value, every value of the space's kinds
     * @param maxIteration the iteration budget of this experiment (multi-fidelity), or null for the study's
     */
    record Point(Map<String, Object> parameters, Long maxIteration, Map<String, Object> state) implements Suggestion {
        public Point(Map<String, Object> parameters) {
            this(parameters, null, null);
        }
    }

    /** Nothing to suggest until a pending experiment ends (e.g. a Hyperband rung waiting for results). */
    record Wait(Map<String, Object> state) implements Suggestion {
    }

    /** No new point will ever come: the space or the strategy's own plan is used up. */
    record Exhausted(String reason, Map<String, Object> state) implements Suggestion {
    }
}
