package dev.hpo.strategy.tpe;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Categorical kernels as in Optuna 3.1: each observation puts weight 1 on its own choice plus a smoothing of
 * {@code priorWeight / (n + 1)} on every choice; the prior component is uniform.
 */
final class CategoricalDimension implements Dimension {

    private final int size;
    /** The observed choice of each component; -1 for the prior. */
    private final int[] observed;
    private final double hit;
    private final double miss;
    private final double logHit;
    private final double logMiss;
    private final double logUniform;

    private CategoricalDimension(int size, int[] observed, double hit, double miss) {
        this.size = size;
        this.observed = observed;
        this.hit = hit;
        this.miss = miss;
        this.logHit = Math.log(hit);
        this.logMiss = Math.log(miss);
        this.logUniform = -Math.log(size);
    }

    /** Kernels for {@code observations} (choice indices) plus the uniform prior. */
    static CategoricalDimension fit(double[] observations, int size, double priorWeight) {
        int n = observations.length;
        int[] observed = new int[n + 1];
        for (int i = 0; i < n; i++) {
            observed[i] = (int) observations[i];
        }
        observed[n] = -1;
        double smoothing = priorWeight / (n + 1);
        double total = size * smoothing + 1;
        return new CategoricalDimension(size, observed, (smoothing + 1) / total, smoothing / total);
    }

    @Override
    public int components() {
        return observed.length;
    }

    @Override
    public double logKernel(int k, double x) {
        int choice = observed[k];
        if (choice < 0) {
            return logUniform;
        }
        return choice == (int) x ? logHit : logMiss;
    }

    @Override
    public double logKernelBound(int k, double x) {
        return logKernel(k, x);
    }

    @Override
    public double logBandwidthTilt(int k) {
        return 0;
    }

    @Override
    public double sample(int k, UniformRandomProvider random, double scale) {
        int choice = observed[k];
        if (choice < 0 || size == 1) {
            return random.nextInt(size);
        }
        double u = random.nextDouble();
        if (u < hit) {
            return choice;
        }
        int other = (int) ((u - hit) / miss);
        other = Math.min(size - 2, Math.max(0, other));
        // skip over the observed choice: the others share the remaining mass equally
        return other >= choice ? other + 1 : other;
    }
}
