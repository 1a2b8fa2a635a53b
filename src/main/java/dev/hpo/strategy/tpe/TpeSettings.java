package dev.hpo.strategy.tpe;

import dev.hpo.strategy.InvalidStrategyException;

/**
 * The validated settings of a {@code tpe} study.
 *
 * @param startupTrials trials sampled at random before the model is used (counted: completed and pruned ones)
 * @param constantLiar  whether pending trials join the bad group so concurrent suggestions spread out
 * @param model         how the density model is built and searched
 */
public record TpeSettings(int startupTrials, boolean constantLiar, TpeOptions model) {

    /** Optuna 3.1's defaults, with the constant liar on (the service runs experiments concurrently). */
    public static final TpeSettings DEFAULTS = new TpeSettings(10, true, TpeOptions.DEFAULTS);

    public TpeSettings {
        if (startupTrials < 0) {
            throw new InvalidStrategyException("startupTrials must be 0 or more, not " + startupTrials);
        }
        if (model == null) {
            throw new InvalidStrategyException("model options must be given");
        }
    }
}
