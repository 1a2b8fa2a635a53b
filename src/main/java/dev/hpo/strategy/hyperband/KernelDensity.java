package dev.hpo.strategy.hyperband;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A product-kernel density over model coordinates, as BOHB fits one per group (good, bad): Gaussian kernels on
 * continuous coordinates in [0, 1], Aitchison-Aitken kernels on categorical indices. Bandwidths follow the
 * normal reference rule ({@code 1.06 sd n^(-1/(d+4))}, as statsmodels' {@code KDEMultivariate} that hpbandster
 * uses), raised to {@code minBandwidth}; a categorical bandwidth is the probability of leaving the datum's
 * category and is capped at {@code (c - 1) / c} (uniform).
 *
 * @param data       one row per observation
 * @param categories per coordinate, the number of categories, or 0 for a continuous coordinate
 * @param bandwidths per coordinate
 */
record KernelDensity(double[][] data, int[] categories, double[] bandwidths) {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /** Truncated-normal draws before falling back to a uniform coordinate. */
    private static final int MAX_REJECTIONS = 100;

    static KernelDensity fit(double[][] data, int[] categories, double minBandwidth) {
        int n = data.length;
        int d = categories.length;
        double[] bandwidths = new double[d];
        double factor = 1.06 * Math.pow(n, -1.0 / (d + 4));
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : data) {
                mean += row[j] / n;
            }
            double variance = 0;
            for (double[] row : data) {
                variance += (row[j] - mean) * (row[j] - mean) / n;
            }
            double bandwidth = Math.max(minBandwidth, factor * Math.sqrt(variance));
            if (categories[j] > 0) {
                bandwidth = Math.min(bandwidth, (categories[j] - 1.0) / categories[j]);
            }
            bandwidths[j] = bandwidth;
        }
        return new KernelDensity(data, categories, bandwidths);
    }

    /** The density at {@code x}: the mean over observations of the product of the coordinates' kernels. */
    double density(double[] x) {
        double sum = 0;
        for (double[] row : data) {
            double product = 1;
            for (int j = 0; j < x.length && product > 0; j++) {
                product *= kernel(j, x[j], row[j]);
            }
            sum += product;
        }
        return sum / data.length;
    }

    private double kernel(int j, double x, double datum) {
        double h = bandwidths[j];
        if (categories[j] > 0) {
            if (categories[j] == 1) {
                return 1;
            }
            return Math.round(x) == Math.round(datum) ? 1 - h : h / (categories[j] - 1);
        }
        double z = (x - datum) / h;
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z) / h;
    }

    /**
     * One candidate as BOHB draws it: a random observation, then each continuous coordinate from a normal around
     * it with {@code bandwidth * bandwidthFactor}, truncated to [0, 1], and each categorical one kept with
     * probability {@code 1 - bandwidth}, otherwise uniform.
     */
    double[] sample(UniformRandomProvider random, double bandwidthFactor) {
        double[] datum = data[random.nextInt(data.length)];
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        double[] x = new double[datum.length];
        for (int j = 0; j < x.length; j++) {
            if (categories[j] > 0) {
                x[j] = random.nextDouble() < 1 - bandwidths[j] ? datum[j] : random.nextInt(categories[j]);
            } else {
                x[j] = truncatedNormal(datum[j], bandwidths[j] * bandwidthFactor, random, gaussian);
            }
        }
        return x;
    }

    private static double truncatedNormal(double mean, double scale, UniformRandomProvider random,
                                          ZigguratSampler.NormalizedGaussian gaussian) {
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double x = mean + scale * gaussian.sample();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        // Only a bandwidth far wider than [0, 1] gets here, and then the truncated normal is nearly uniform.
        return random.nextDouble();
    }
}
