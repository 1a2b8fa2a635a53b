package dev.hpo.strategy.tpe;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Truncated Gaussian kernels on a numeric range's search scale, with Optuna's bandwidths. A stepped range (integers,
 * a step lattice) widens the bounds by half a step on each side and gives each lattice point the mass of its cell,
 * so the density respects the lattice exactly.
 */
final class NumericDimension implements Dimension {

    /**
     * The multivariate bandwidth factor: every kernel of the joint model is {@code SIGMA0_MAGNITUDE * n^(-1/(d+4))}
     * of the range (Scott's rate, scaled to the range instead of the data's spread). Optuna uses 0.2. A joint kernel
     * is a product over all d dimensions, so its mass spreads over a volume that grows like sigma^d: with 0.2 the
     * good density l(x) is nearly as flat as g(x) in 6 dimensions and the ratio l/g favours the edges of the good
     * region rather than its centre. Measured with 20 seeds and 100 experiments (med@100, factors 0.3 / 0.2 /
     * 0.15 / 0.1): branin 0.093 / 0.092 / 0.046 / 0.076, hartmann6 0.38 / 0.23 / 0.21 / 0.20, ackley_mixed
     * 10.5 / 9.3 / 7.6 / 6.2, count_ones 0.16 / 0.11 / 0.081 / 0.081, lc_sim_full 0.0068 / 0.0037 / 0.0025 /
     * 0.0116, hpolib_protein 0.001 / 0 / 0 / 0.0014. 0.15 improves every problem over 0.2; 0.1 is sharper still on
     * the smooth continuous ones but loses lc_sim_full and hpolib_protein (too little exploration on lattices and
     * rugged landscapes), so the middle value is the general choice. Fitting the bandwidth to the data's own
     * spread (Scott's rule proper, 1.06 sd n^(-1/(d+4))) was tried and collapses on hartmann6 (0.62): the good
     * group's spread shrinks with it and the search stops exploring.
     */
    private static final double SIGMA0_MAGNITUDE = 0.15;
    /** Below this many components a plain pass is cheaper than the sorted window. */
    private static final int WINDOW_MIN_COMPONENTS = 64;
    /** Terms this far (in log) below the largest change the mixture by less than a double's precision. */
    private static final double NEGLIGIBLE = 40;
    /** Observations up to this count are sorted by packed primitive keys. */
    private static final int INDEX_LIMIT = 1 << 20;

    private final double low;
    private final double high;
    private final double step;
    private final double latticeLow;
    private final long latticeCount;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] inverseSigmas;
    private final double[] logNormalisers;
    /** log(step / sigma) - log sqrt(2 pi) per component: the cell-mass bound's constant part. */
    private final double[] logCellBounds;
    /** log sigma per component (also the Optuna 3.1 score's tilt of a continuous kernel). */
    private final double[] logSigmas;
    /** The components in ascending order of centre when the fit computed it (univariate), else null. */
    private final int[] order;
    /** Built on the first univariate density evaluation. */
    private Window window;

    private NumericDimension(double low, double high, double step, double latticeLow, long latticeCount,
                             double[] mus, double[] sigmas, int[] order) {
        this.order = order;
        this.low = low;
        this.high = high;
        this.step = step;
        this.latticeLow = latticeLow;
        this.latticeCount = latticeCount;
        this.mus = mus;
        this.sigmas = sigmas;
        this.inverseSigmas = new double[mus.length];
        this.logNormalisers = new double[mus.length];
        this.logCellBounds = new double[mus.length];
        this.logSigmas = new double[mus.length];
        double logStep = step > 0 ? Math.log(step) : 0;
        for (int k = 0; k < mus.length; k++) {
            inverseSigmas[k] = 1.0 / sigmas[k];
            logSigmas[k] = Math.log(sigmas[k]);
            double a = (low - mus[k]) * inverseSigmas[k];
            double b = (high - mus[k]) * inverseSigmas[k];
            // a kernel well inside the range loses nothing to the truncation (error below 1e-15)
            double logAccept = a < -8.3 && b > 8.3 ? 0 : NormalMath.logMass(a, b);
            logCellBounds[k] = step > 0 ? logStep - logSigmas[k] - NormalMath.LOG_SQRT_2PI : 0;
            // A continuous kernel is a density (1/sigma, 1/sqrt(2 pi)); a stepped one is a cell mass, normalised
            // only by the truncation to the range.
            logNormalisers[k] = step > 0 ? -logAccept : -logAccept - logSigmas[k] - NormalMath.LOG_SQRT_2PI;
        }
    }

    /**
     * Kernels for {@code observations} plus a prior component (centre of the range, bandwidth the whole range).
     *
     * @param latticeLow        first coordinate the range produces
     * @param latticeHigh       last coordinate the range produces
     * @param step              lattice step on the search scale, 0 when continuous
     * @param multivariateDims  number of dimensions of the joint model (Scott-style bandwidth), or 0 for Optuna's
     *                          univariate neighbour-distance bandwidths
     */
    static NumericDimension fit(double[] observations, double latticeLow, double latticeHigh, double step,
                                boolean considerEndpoints, int multivariateDims) {
        double low = step > 0 ? latticeLow - step / 2 : latticeLow;
        double high = step > 0 ? latticeHigh + step / 2 : latticeHigh;
        long latticeCount = step > 0 ? Math.round((latticeHigh - latticeLow) / step) + 1 : 0;
        double width = high - low;
        if (!(width > 0)) {
            // a single-valued range: any positive bandwidth gives the same (trivial) distribution
            width = 1;
            high = low + (step > 0 ? step : 0);
        }
        int n = observations.length;
        double[] mus = new double[n + 1];
        double[] sigmas = new double[n + 1];
        for (int i = 0; i < n; i++) {
            mus[i] = Math.min(high, Math.max(low, observations[i]));
        }
        double priorMu = 0.5 * (low + high);
        mus[n] = priorMu;
        int[] order = null;
        if (multivariateDims > 0) {
            double sigma = SIGMA0_MAGNITUDE * Math.pow(Math.max(n, 1), -1.0 / (multivariateDims + 4)) * width;
            Arrays.fill(sigmas, 0, n, sigma);
        } else {
            order = sortedOrder(mus);
            neighbourBandwidths(mus, order, low, high, considerEndpoints, sigmas);
        }
        // Optuna's "magic clip": no kernel narrower than the range over min(100, n + 2)
        double minSigma = width / Math.min(100.0, n + 2.0);
        for (int i = 0; i < n; i++) {
            sigmas[i] = Math.min(width, Math.max(minSigma, sigmas[i]));
        }
        sigmas[n] = width;
        return new NumericDimension(low, high, step, latticeLow, latticeCount, mus, sigmas, order);
    }

    /** Each kernel as wide as the larger gap to its sorted neighbours (the bounds and the prior centre included). */
    private static void neighbourBandwidths(double[] mus, int[] order, double low, double high,
                                            boolean considerEndpoints, double[] sigmas) {
        int m = mus.length;
        double[] sorted = new double[m];
        for (int i = 0; i < m; i++) {
            sorted[i] = mus[order[i]];
        }
        double[] padded = new double[m + 2];
        padded[0] = low;
        padded[m + 1] = high;
        System.arraycopy(sorted, 0, padded, 1, m);
        double[] bySlot = new double[m];
        for (int i = 0; i < m; i++) {
            bySlot[i] = Math.max(padded[i + 1] - padded[i], padded[i + 2] - padded[i + 1]);
        }
        if (!considerEndpoints && m + 2 >= 4) {
            // the outermost kernels ignore their distance to the range's bounds
            bySlot[0] = padded[2] - padded[1];
            bySlot[m - 1] = padded[m] - padded[m - 1];
        }
        for (int i = 0; i < m; i++) {
            sigmas[order[i]] = bySlot[i];
        }
    }

    /** Indices of {@code values} in ascending order of value, ties by index (a primitive sort: this runs per call). */
    static int[] sortedOrder(double[] values) {
        int m = values.length;
        int[] order = new int[m];
        if (m >= INDEX_LIMIT) {
            Integer[] boxed = new Integer[m];
            for (int i = 0; i < m; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (x, y) -> Double.compare(values[x], values[y]));
            for (int i = 0; i < m; i++) {
                order[i] = boxed[i];
            }
            return order;
        }
        // The key is the value's order-preserving bit pattern with the index in its lowest bits: values that
        // differ only beyond the 32nd significant bit may swap, which no bandwidth notices.
        long[] keys = new long[m];
        for (int i = 0; i < m; i++) {
            long bits = Double.doubleToLongBits(values[i] + 0.0);
            long sortable = bits ^ ((bits >> 63) & Long.MAX_VALUE);
            keys[i] = (sortable & ~(INDEX_LIMIT - 1L)) | i;
        }
        Arrays.sort(keys);
        for (int i = 0; i < m; i++) {
            order[i] = (int) (keys[i] & (INDEX_LIMIT - 1L));
        }
        return order;
    }

    @Override
    public int components() {
        return mus.length;
    }

    @Override
    public double logKernel(int k, double x) {
        double inv = inverseSigmas[k];
        if (step > 0) {
            double half = step / 2;
            return NormalMath.logMass((x - half - mus[k]) * inv, (x + half - mus[k]) * inv) + logNormalisers[k];
        }
        double z = (x - mus[k]) * inv;
        return logNormalisers[k] - 0.5 * z * z;
    }

    /**
     * log of the mixture {@code sum_k exp(logWeights[k]) kernel_k(x)} of this dimension alone: the univariate
     * model's hot loop, kept free of the general product over dimensions.
     */
    double logMixture(double x, double[] logWeights, double[] terms) {
        int components = mus.length;
        if (components < WINDOW_MIN_COMPONENTS) {
            return logMixtureOver(x, logWeights, terms, null, components);
        }
        Window window = window();
        if (window.wide.length == 0) {
            return logMixtureOver(x, logWeights, terms, null, components);
        }
        if (window.constantsFor != logWeights) {
            // the largest a narrow kernel's term can be before its distance to the point is counted: for a cell
            // mass, log(step / sigma) above 0 is allowed for (a mass never exceeds 1)
            double maxConstant = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < components; k++) {
                if (!window.isWide[k]) {
                    double cell = step > 0 ? Math.max(logCellBounds[k], 0) : 0;
                    maxConstant = Math.max(maxConstant, logWeights[k] + logNormalisers[k] + cell);
                }
            }
            window.constantsFor = logWeights;
            window.maxNarrowConstant = maxConstant;
        }
        // The wide kernels (the prior among them) are always evaluated; their best term bounds the mixture's
        // largest from below, so a narrow kernel further than the radius below is certainly negligible.
        int count = 0;
        int[] evaluated = window.evaluated;
        double floor = Double.NEGATIVE_INFINITY;
        for (int k : window.wide) {
            terms[k] = logWeights[k] + logKernel(k, x);
            floor = Math.max(floor, terms[k]);
            evaluated[count++] = k;
        }
        double radius = window.narrowSigma * Math.sqrt(2 * Math.max(0, window.maxNarrowConstant - floor + NEGLIGIBLE))
                + (step > 0 ? step / 2 : 0);
        int from = lowerBound(window.sortedMus, x - radius);
        for (int i = from; i < components && window.sortedMus[i] <= x + radius; i++) {
            int k = window.order[i];
            if (!window.isWide[k]) {
                terms[k] = logWeights[k] + logKernel(k, x);
                evaluated[count++] = k;
            }
        }
        return logMixtureOver(x, logWeights, terms, evaluated, count);
    }

    /** log-sum-exp of the terms of {@code evaluated[0..count)} (already in {@code terms}), or of all when null. */
    private double logMixtureOver(double x, double[] logWeights, double[] terms, int[] evaluated, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            int k = evaluated == null ? i : evaluated[i];
            if (evaluated == null) {
                terms[k] = logWeights[k] + logKernel(k, x);
            }
            if (terms[k] > max) {
                max = terms[k];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double cut = max - NEGLIGIBLE;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            int k = evaluated == null ? i : evaluated[i];
            if (terms[k] > cut) {
                sum += Math.exp(terms[k] - max);
            }
        }
        return max + Math.log(sum);
    }

    private Window window() {
        if (window == null) {
            window = new Window(mus, sigmas, order == null ? sortedOrder(mus) : order);
        }
        return window;
    }

    /**
     * The kernels sorted by centre, split at the 90th percentile of the bandwidths into wide ones (always
     * evaluated) and narrow ones (evaluated only near the point): with many observations most kernels are narrow
     * and far away, so a density costs a fraction of a pass over all of them.
     */
    private static final class Window {
        final int[] order;
        final double[] sortedMus;
        final boolean[] isWide;
        final int[] wide;
        final double narrowSigma;
        final int[] evaluated;
        double[] constantsFor;
        double maxNarrowConstant;

        Window(double[] mus, double[] sigmas, int[] order) {
            int m = mus.length;
            this.order = order;
            sortedMus = new double[m];
            for (int i = 0; i < m; i++) {
                sortedMus[i] = mus[order[i]];
            }
            narrowSigma = select(sigmas.clone(), (int) (0.9 * (m - 1)));
            isWide = new boolean[m];
            int wideCount = 0;
            for (int k = 0; k < m; k++) {
                isWide[k] = sigmas[k] > narrowSigma;
                wideCount += isWide[k] ? 1 : 0;
            }
            wide = new int[wideCount];
            for (int k = 0, w = 0; k < m; k++) {
                if (isWide[k]) {
                    wide[w++] = k;
                }
            }
            evaluated = new int[m];
        }
    }

    /**
     * The {@code rank}-th smallest of {@code values} (0-based), reordering them: Hoare's selection, linear on
     * average where a full sort was a quarter of a suggestion's time with 1,000 experiments.
     */
    static double select(double[] values, int rank) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public double logKernelBound(int k, double x) {
        if (step <= 0) {
            return logKernel(k, x);
        }
        double inv = inverseSigmas[k];
        double half = step / 2;
        double a = (x - half - mus[k]) * inv;
        double b = (x + half - mus[k]) * inv;
        double nearest = a > 0 ? a : (b < 0 ? b : 0);
        // cell mass <= cell width times the highest density inside the cell (and never above 1)
        double bound = logCellBounds[k] - 0.5 * nearest * nearest;
        return Math.min(bound, 0) + logNormalisers[k];
    }

    @Override
    public double logBandwidthTilt(int k) {
        return step > 0 ? 0 : logSigmas[k];
    }

    @Override
    public double sample(int k, UniformRandomProvider random, double scale) {
        double sigma = sigmas[k] * scale;
        double z = NormalMath.truncatedSample((low - mus[k]) / sigma, (high - mus[k]) / sigma, random.nextDouble());
        double x = Math.min(high, Math.max(low, mus[k] + sigma * z));
        if (step > 0) {
            long index = Math.round((x - latticeLow) / step);
            index = Math.max(0, Math.min(latticeCount - 1, index));
            return latticeLow + index * step;
        }
        return x;
    }

    boolean isContinuous() {
        return step <= 0;
    }
}
