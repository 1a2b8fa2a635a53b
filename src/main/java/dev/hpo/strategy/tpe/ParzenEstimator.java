package dev.hpo.strategy.tpe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A weighted mixture with one product kernel per observation plus a prior component, over one or more
 * {@link Dimension}s (Optuna 3.1's {@code _ParzenEstimator}). With one dimension it is the univariate TPE density;
 * with several it is the joint density of multivariate TPE.
 */
final class ParzenEstimator {

    /** Components this far (in log) below the best one change the sum by less than a double's precision. */
    private static final double NEGLIGIBLE = 40;

    private final Dimension[] dimensions;
    private final double[] logWeights;
    private final double[] tiltedLogWeights;
    private final double[] cumulativeWeights;
    private final boolean exactBounds;

    private ParzenEstimator(Dimension[] dimensions, ObservationWeights.Mixture mixture) {
        this.dimensions = dimensions;
        this.logWeights = mixture.logWeights();
        this.cumulativeWeights = mixture.cumulative();
        this.tiltedLogWeights = logWeights.clone();
        for (int k = 0; k < logWeights.length; k++) {
            for (Dimension dimension : dimensions) {
                tiltedLogWeights[k] += dimension.logBandwidthTilt(k);
            }
        }
        boolean exact = true;
        for (Dimension dimension : dimensions) {
            if (dimension instanceof NumericDimension) {
                exact &= ((NumericDimension) dimension).isContinuous();
            }
        }
        this.exactBounds = exact;
    }

    /**
     * Fits the mixture to {@code rows} (observations in age order, one coordinate per variable).
     *
     * @param multivariate true for the joint model's bandwidths, false for the univariate neighbour rule
     */
    static ParzenEstimator fit(List<Variable> variables, double[][] rows, TpeOptions options, boolean multivariate) {
        double[][] byVariable = new double[variables.size()][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < byVariable.length; j++) {
                byVariable[j][i] = rows[i][j];
            }
        }
        return fitColumns(variables, byVariable, rows.length, options, multivariate);
    }

    /**
     * Fits the mixture to {@code n} observations given column by column ({@code byVariable[j][i]} is observation
     * i's coordinate of variable j, observations in age order); the columns are read, not kept.
     */
    static ParzenEstimator fitColumns(List<Variable> variables, double[][] byVariable, int n, TpeOptions options,
                                      boolean multivariate) {
        int d = variables.size();
        Dimension[] dimensions = new Dimension[d];
        for (int j = 0; j < d; j++) {
            double[] column = byVariable[j];
            Variable variable = variables.get(j);
            if (variable instanceof Variable.Numeric numeric) {
                dimensions[j] = NumericDimension.fit(column, numeric.range().low(), numeric.range().high(),
                        numeric.range().resolution(), options.considerEndpoints(), multivariate ? d : 0);
            } else if (variable instanceof Variable.Ordinal ordinal) {
                dimensions[j] = NumericDimension.fit(column, 0, ordinal.sorted().size() - 1, 1,
                        options.considerEndpoints(), multivariate ? d : 0);
            } else {
                dimensions[j] = CategoricalDimension.fit(column, ((Variable.Categorical) variable).size(),
                        options.priorWeight());
            }
        }
        return new ParzenEstimator(dimensions, ObservationWeights.mixture(n, options.priorWeight()));
    }

    /** {@code count} independent draws, each a point with one coordinate per dimension. */
    double[][] sample(int count, UniformRandomProvider random) {
        return sample(count, random, 1.0);
    }

    /** Draws as {@link #sample(int, UniformRandomProvider)} with every numeric bandwidth scaled by {@code scale}. */
    double[][] sample(int count, UniformRandomProvider random, double scale) {
        double[][] points = new double[count][];
        for (int s = 0; s < count; s++) {
            int k = component(random.nextDouble());
            double[] point = new double[dimensions.length];
            for (int j = 0; j < dimensions.length; j++) {
                point[j] = dimensions[j].sample(k, random, scale);
            }
            points[s] = point;
        }
        return points;
    }

    private int component(double u) {
        int k = Arrays.binarySearch(cumulativeWeights, u);
        k = k >= 0 ? k + 1 : -k - 1;
        return Math.min(k, cumulativeWeights.length - 1);
    }

    /** The log density (or log mass, for lattice and categorical coordinates) of each point. */
    double[] logDensity(double[][] points) {
        return evaluate(points, logWeights);
    }

    /**
     * The acquisition score TPE compares between l and g, up to a constant: Optuna 3.1's, in which each component's
     * weight is multiplied by its continuous bandwidths (its truncated-normal log density omits log sigma). Wide
     * kernels (the prior, isolated observations) thereby count more than in the true density. The anchors this
     * strategy is measured against were made with exactly this score, and it explores better than the true ratio
     * on them, so it is kept on purpose. Since a constant factor does not change which candidate wins, the
     * unnormalised sum is enough.
     */
    double[] logScore(double[][] points) {
        return evaluate(points, tiltedLogWeights);
    }

    private double[] evaluate(double[][] points, double[] weights) {
        double[] result = new double[points.length];
        double[] terms = new double[weights.length];
        // One coordinate on a lattice or a choice: candidates often coincide, and each costs a pass over every
        // component, so equal points are scored once.
        Map<Double, Double> seen = dimensions.length == 1 ? new HashMap<>() : null;
        for (int s = 0; s < points.length; s++) {
            if (seen == null) {
                result[s] = logDensity(points[s], weights, terms);
            } else {
                double[] point = points[s];
                result[s] = seen.computeIfAbsent(point[0], x -> logDensity(point, weights, terms));
            }
        }
        return result;
    }

    private double logDensity(double[] x, double[] weights, double[] terms) {
        if (dimensions.length == 1 && dimensions[0] instanceof NumericDimension numeric) {
            return numeric.logMixture(x[0], weights, terms);
        }
        int components = weights.length;
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int k = 0; k < components; k++) {
            double t = weights[k];
            for (int j = 0; j < dimensions.length; j++) {
                t += dimensions[j].logKernelBound(k, x[j]);
            }
            terms[k] = t;
            if (t > max) {
                max = t;
                best = k;
            }
        }
        if (!exactBounds) {
            // The bounds let far components be skipped; the rest get their exact cell masses.
            double floor = exact(best, x, weights) - NEGLIGIBLE;
            max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < components; k++) {
                terms[k] = terms[k] < floor ? Double.NEGATIVE_INFINITY : exact(k, x, weights);
                max = Math.max(max, terms[k]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        double cut = max - NEGLIGIBLE;
        for (int k = 0; k < components; k++) {
            if (terms[k] > cut) {
                sum += Math.exp(terms[k] - max);
            }
        }
        return max + Math.log(sum);
    }

    private double exact(int k, double[] x, double[] weights) {
        double t = weights[k];
        for (int j = 0; j < dimensions.length; j++) {
            t += dimensions[j].logKernel(k, x[j]);
        }
        return t;
    }
}
