package dev.hpo.strategy.tpe;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One coordinate of a Parzen estimator: a kernel per mixture component. Numeric coordinates are on the search scale;
 * categorical ones are choice indices stored as doubles.
 */
sealed interface Dimension permits NumericDimension, CategoricalDimension {

    /** Number of components (observations plus the prior). */
    int components();

    /** log of component {@code k}'s kernel (density, or mass of the lattice cell / choice) at {@code x}. */
    double logKernel(int k, double x);

    /** A cheap upper bound of {@link #logKernel}, so far-away components can be skipped without the exact value. */
    double logKernelBound(int k, double x);

    /**
     * log of component {@code k}'s bandwidth when its kernel is a continuous density, else 0: Optuna 3.1 scores
     * candidates with continuous kernels that lack their 1/sigma factor, i.e. with component weights tilted by
     * the bandwidth (see {@link ParzenEstimator#logScore}).
     */
    double logBandwidthTilt(int k);

    /** One draw from component {@code k}'s kernel. */
    default double sample(int k, UniformRandomProvider random) {
        return sample(k, random, 1.0);
    }

    /** One draw from component {@code k}'s kernel with its bandwidth scaled by {@code scale} (numeric only). */
    double sample(int k, UniformRandomProvider random, double scale);
}
