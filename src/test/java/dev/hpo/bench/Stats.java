package dev.hpo.bench;

import java.util.Arrays;

/** Order statistics as numpy computes them (linear interpolation between closest ranks); NaN sorts as +infinity. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.stream(values).map(v -> Double.isNaN(v) ? Double.POSITIVE_INFINITY : v).sorted().toArray();
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        double fraction = position - low;
        if (fraction == 0 || sorted[low] == sorted[high]) {
            return sorted[low];
        }
        return sorted[low] + fraction * (sorted[high] - sorted[low]);
    }
}
