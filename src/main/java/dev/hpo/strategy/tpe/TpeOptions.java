package dev.hpo.strategy.tpe;

import dev.hpo.settings.InvalidStrategyException;

/**
 * How the TPE model is built and searched. The defaults are Optuna 3.1's.
 *
 * @param candidates        points drawn from the good density per suggestion; the best ratio l(x)/g(x) wins
 * @param gamma             fraction of the observations that form the good group (0 < gamma < 1)
 * @param maxGoodTrials     cap on the size of the good group (Optuna: min(ceil(0.1 n), 25))
 * @param priorWeight       weight of the prior component (uniform over the range) and of the categorical smoothing
 * @param considerEndpoints whether the outermost kernels' bandwidths count the distance to the range's bounds
 * @param multivariate      one joint density over all top-level parameters instead of one density per parameter
 * @param localCandidates   extra candidates drawn from the good density with every numeric bandwidth at a quarter,
 *                          scored like the others: lets the ratio pick a refinement near a good point (0: none)
 * @param ordinalNumbers    model discrete values that are all numbers (3 or more) on the ordered lattice of their
 *                          ranks instead of as unordered categories
 */
public record TpeOptions(int candidates, double gamma, int maxGoodTrials, double priorWeight,
                         boolean considerEndpoints, boolean multivariate, int localCandidates, boolean ordinalNumbers) {

    /**
     * Optuna 3.1's defaults (24 candidates, gamma 0.1 capped at 25, prior weight 1, univariate, no local candidates),
     * with numeric discrete values modelled by rank: the order of choices such as batch sizes carries information
     * that unordered categories throw away (the protocol's Optuna anchor also encodes numeric choices as indices).
     */
    public static final TpeOptions DEFAULTS = new TpeOptions(24, 0.1, 25, 1.0, false, false, 0, true);

    /** Bandwidth factor of the local candidates. */
    static final double LOCAL_SCALE = 0.25;

    /** The model options without local candidates and with numeric discrete values by rank (the default). */
    public TpeOptions(int candidates, double gamma, int maxGoodTrials, double priorWeight, boolean considerEndpoints,
                      boolean multivariate) {
        this(candidates, gamma, maxGoodTrials, priorWeight, considerEndpoints, multivariate, 0, true);
    }

    public TpeOptions {
        if (localCandidates < 0) {
            throw new InvalidStrategyException("localCandidates must be 0 or more, not " + localCandidates);
        }
        if (candidates < 1) {
            throw new InvalidStrategyException("candidates must be at least 1, not " + candidates);
        }
        if (!(gamma > 0 && gamma < 1)) {
            throw new InvalidStrategyException("gamma must be between 0 and 1 (exclusive), not " + gamma);
        }
        if (maxGoodTrials < 1) {
            throw new InvalidStrategyException("maxGoodTrials must be at least 1, not " + maxGoodTrials);
        }
        if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
            throw new InvalidStrategyException("priorWeight must be a positive number, not " + priorWeight);
        }
    }

    /** Size of the good group among {@code n} ranked observations: min(ceil(gamma n), maxGoodTrials). */
    public int goodCount(int n) {
        return (int) Math.min(Math.ceil(gamma * n), maxGoodTrials);
    }

    /** These options with {@code multivariate} changed. */
    public TpeOptions withMultivariate(boolean value) {
        return new TpeOptions(candidates, gamma, maxGoodTrials, priorWeight, considerEndpoints, value, localCandidates,
                ordinalNumbers);
    }
}
