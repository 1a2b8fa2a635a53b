package dev.hpo.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * PED-ANOVA (Watanabe, Bansal and Hutter, IJCAI 2023): the importance of a parameter is the Pearson divergence
 * between its distribution among the top {@link #TOP_QUANTILE} of the trials (by loss) and its distribution
 * among all trials, {@code sum_x (p_top(x) - p_all(x))^2 / p_all(x)}. A parameter whose good values look like
 * all values scores near 0; one whose good values sit in a narrow region scores high. The paper
 * derives this closed form from f-ANOVA's variance decomposition of the indicator "the trial is in the top
 * quantile" (Hutter et al. 2014), so no surrogate model (no random forest) is fitted.
 *
 * <p>Densities are estimated as the paper does with Parzen estimators: numeric parameters with a Gaussian
 * kernel on a grid of {@link #GRID} points over the parameter's range on its search scale (one bandwidth per
 * parameter, from the top trials by Scott's rule, used for both densities so that a parameter that does not
 * matter compares like with like), categorical parameters with one pseudo-count per value. Both densities
 * get a uniform prior of one pseudo-trial, so the divergence stays finite. Importances are normalized to sum
 * to 1 (all 0 when every divergence is 0).
 */
public final class PedAnova {

    /** The share of trials counted as good, as Optuna's default {@code target_quantile}. */
    public static final double TOP_QUANTILE = 0.1;
    /** Grid points a numeric parameter's density is evaluated at. */
    static final int GRID = 64;
    private static final double MIN_BANDWIDTH = 0.02;
    private static final double MAX_BANDWIDTH = 0.5;

    private PedAnova() {
    }

    /**
     * Importances of the columns given the trials' losses (smaller is better), largest first; empty with fewer
     * than two trials.
     *
     * @param columns one per parameter, each with a value (or a missing marker) per trial
     * @param losses  one per trial, finite
     */
    public static List<ParameterImportance> evaluate(List<Column> columns, double[] losses) {
        if (losses.length < 2 || columns.isEmpty()) {
            return List.of();
        }
        for (double loss : losses) {
            if (!Double.isFinite(loss)) {
                throw new IllegalArgumentException("losses must be finite");
            }
        }
        boolean[] top = topTrials(losses);
        double[] raw = new double[columns.size()];
        double total = 0;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            raw[c] = column instanceof Column.Numeric n ? numeric(n, top, losses.length)
                    : categorical((Column.Categorical) column, top, losses.length);
            total += raw[c];
        }
        List<ParameterImportance> result = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            result.add(new ParameterImportance(columns.get(c).name(), total > 0 ? raw[c] / total : 0));
        }
        result.sort(Comparator.comparingDouble(ParameterImportance::importance).reversed()
                .thenComparing(ParameterImportance::parameter));
        return result;
    }

    /** Marks the best ceil(quantile * n) trials, at least 2 (ties broken by trial order). */
    static boolean[] topTrials(double[] losses) {
        int n = losses.length;
        int count = Math.min(n, Math.max(2, (int) Math.ceil(TOP_QUANTILE * n)));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> losses[i]));
        boolean[] top = new boolean[n];
        for (int i = 0; i < count; i++) {
            top[order[i]] = true;
        }
        return top;
    }

    private static double numeric(Column.Numeric column, boolean[] top, int n) {
        double span = column.high() - column.low();
        if (!(span > 0)) {
            return 0;
        }
        double[] all = new double[n];
        double[] good = new double[n];
        int allCount = 0;
        int goodCount = 0;
        for (int i = 0; i < n; i++) {
            double c = column.coordinates()[i];
            if (Double.isNaN(c)) {
                continue;
            }
            double u = Math.min(1, Math.max(0, (c - column.low()) / span));
            all[allCount++] = u;
            if (top[i]) {
                good[goodCount++] = u;
            }
        }
        if (goodCount == 0 || allCount < 2) {
            return 0;
        }
        double bandwidth = bandwidth(Arrays.copyOf(good, goodCount));
        double[] pTop = density(good, goodCount, bandwidth);
        double[] pAll = density(all, allCount, bandwidth);
        return pearson(pTop, pAll);
    }

    private static double bandwidth(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double sigma = values.length > 1 ? Math.sqrt(var / (values.length - 1)) : MAX_BANDWIDTH;
        double scott = 1.06 * sigma * Math.pow(values.length, -0.2);
        return Math.min(MAX_BANDWIDTH, Math.max(MIN_BANDWIDTH, scott));
    }

    /** A Gaussian kernel density on the grid, mixed with one pseudo-trial of the uniform prior; sums to 1. */
    private static double[] density(double[] values, int count, double bandwidth) {
        double[] p = new double[GRID];
        for (int i = 0; i < count; i++) {
            double[] kernel = new double[GRID];
            double sum = 0;
            for (int g = 0; g < GRID; g++) {
                double z = ((g + 0.5) / GRID - values[i]) / bandwidth;
                kernel[g] = Math.exp(-0.5 * z * z);
                sum += kernel[g];
            }
            // each trial contributes a mass of 1 inside the range (the kernel is truncated, not leaked)
            for (int g = 0; g < GRID; g++) {
                p[g] += kernel[g] / sum;
            }
        }
        for (int g = 0; g < GRID; g++) {
            p[g] = (p[g] + 1.0 / GRID) / (count + 1);
        }
        return p;
    }

    private static double categorical(Column.Categorical column, boolean[] top, int n) {
        int k = column.categories();
        if (k < 2) {
            return 0;
        }
        double[] pTop = new double[k];
        double[] pAll = new double[k];
        int allCount = 0;
        int goodCount = 0;
        for (int i = 0; i < n; i++) {
            int code = column.codes()[i];
            if (code < 0) {
                continue;
            }
            if (code >= k) {
                throw new IllegalArgumentException(column.name() + ": code " + code + " is not below " + k);
            }
            pAll[code]++;
            allCount++;
            if (top[i]) {
                pTop[code]++;
                goodCount++;
            }
        }
        if (goodCount == 0 || allCount < 2) {
            return 0;
        }
        for (int c = 0; c < k; c++) {
            pTop[c] = (pTop[c] + 1.0 / k) / (goodCount + 1);
            pAll[c] = (pAll[c] + 1.0 / k) / (allCount + 1);
        }
        return pearson(pTop, pAll);
    }

    private static double pearson(double[] pTop, double[] pAll) {
        double divergence = 0;
        for (int i = 0; i < pTop.length; i++) {
            double d = pTop[i] - pAll[i];
            divergence += d * d / pAll[i];
        }
        return divergence;
    }
}
