package dev.hpo.space;

import java.math.BigDecimal;

/**
 * The arithmetic of a stepped real range: the points {@code min + i * step} that do not pass {@code max}.
 *
 * <p>Points are computed from the decimal text of {@code min} and {@code step}, so {@code 0.01 + 5 * 0.05} is
 * {@code 0.26} and not {@code 0.26000000000000001}; a point counts as "not past max" within a relative
 * tolerance of {@link #TOLERANCE} steps, which absorbs the binary noise of {@code (max - min) / step}.
 */
final class Lattice {

    /** Fraction of a step by which a point may exceed max (binary noise) and still count as on the range. */
    static final double TOLERANCE = 1e-9;

    /** More points than this on one range means a step too small to be meaningful (and imprecise in doubles). */
    static final double MAX_POINTS = 1e15;

    private Lattice() {
    }

    static void checkStep(String parameter, double min, double max, double step) {
        Checks.finite(parameter, "step", step);
        if (!(step > 0)) {
            throw Checks.invalid(parameter, "step", "must be greater than 0 (" + step + ")");
        }
        if ((max - min) / step > MAX_POINTS) {
            throw Checks.invalid(parameter, "step", "is too small for the range (more than 1e15 points)");
        }
    }

    /** Number of lattice points; at least 1 because min < max and min itself is always a point. */
    static long count(double min, double max, double step, boolean includeMax) {
        long n = (long) Math.floor((max - min) / step + TOLERANCE) + 1;
        if (!includeMax && Math.abs(point(min, step, n - 1) - max) <= TOLERANCE * step) {
            n--;
        }
        return Math.max(n, 1);
    }

    static double point(double min, double step, long i) {
        if (i == 0) {
            return min;
        }
        return new BigDecimal(Double.toString(min))
                .add(new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(i)))
                .doubleValue();
    }

    /** Index of the lattice point nearest to {@code coordinate}, clamped to the range. */
    static long nearest(double min, double step, long count, double coordinate) {
        double k = Math.rint((coordinate - min) / step);
        if (!(k > 0)) {
            return 0;
        }
        return (long) Math.min(k, count - 1);
    }

    /** Point {@code i} of the grid that cuts a continuous range into {@link SearchSpace#DEFAULT_GRID_INTERVALS}. */
    static double gridPoint(double min, double max, long i) {
        if (i == 0) {
            return min;
        }
        BigDecimal low = new BigDecimal(Double.toString(min));
        BigDecimal width = new BigDecimal(Double.toString(max)).subtract(low);
        // dividing a decimal by 100 is exact, so the only rounding is the final conversion to double
        return low.add(width.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(SearchSpace.DEFAULT_GRID_INTERVALS)))
                .doubleValue();
    }

    /** Points of the continuous grid: one per interval boundary, max included only when allowed. */
    static long continuousCount(boolean includeMax) {
        return SearchSpace.DEFAULT_GRID_INTERVALS + (includeMax ? 1 : 0);
    }

    /** A coordinate clamped to [min, max], or [min, max) when max is excluded. */
    static double clamp(double min, double max, boolean includeMax, double coordinate) {
        double c = Math.max(min, Math.min(max, coordinate));
        return !includeMax && c >= max ? Math.max(min, Math.nextDown(max)) : c;
    }
}
