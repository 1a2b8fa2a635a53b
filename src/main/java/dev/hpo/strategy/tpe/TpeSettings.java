package dev.hpo.strategy.tpe;

import dev.hpo.settings.InvalidStrategyException;

/**
 * The validated settings of a {@code tpe} study.
 *
 * @param startupTrials trials sampled at random before the model is used (counted: completed and pruned ones)
 * @param constantLiar  whether pending trials join the bad group so concurrent suggestions spread out
 * @param model         how the density model is built and searched
 * @param localEvery    every how many experiments after the start-up phase one is a local step around the best
 *                      experiment so far (see {@link LocalSearch}); 0 for none
 * @param localScale    the first local step's standard deviation as a fraction of each numeric range
 */
public record TpeSettings(int startupTrials, boolean constantLiar, TpeOptions model, int localEvery,
                          double localScale) {

    /**
     * Optuna 3.1's model defaults, with the constant liar on (the service runs experiments concurrently) and every
     * second experiment after the start-up phase a local step starting at a tenth of each range.
     */
    public static final TpeSettings DEFAULTS = new TpeSettings(10, true, TpeOptions.DEFAULTS, 2, 0.1);

    public TpeSettings {
        if (startupTrials < 0) {
            throw new InvalidStrategyException("startupTrials must be 0 or more, not " + startupTrials);
        }
        if (localEvery < 0) {
            throw new InvalidStrategyException("localEvery must be 0 or more, not " + localEvery);
        }
        if (!(localScale > 0 && localScale < 1)) {
            throw new InvalidStrategyException("localScale must be strictly between 0 and 1, not " + localScale);
        }
        if (model == null) {
            throw new InvalidStrategyException("model options must be given");
        }
    }
}
