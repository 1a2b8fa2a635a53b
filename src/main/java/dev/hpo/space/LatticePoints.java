package dev.hpo.space;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The points of one stepped range, {@link Lattice#point} with its decimal set-up done once, for code that looks
 * up many values of the same range (canonical keys, membership).
 *
 * <p>When {@code min} and {@code step} are short decimals, as people write them, point {@code i} is the integer
 * {@code minUnits + i * stepUnits} over a power of ten. If that integer and the power of ten are both exact doubles
 * (at most 2^53, at most 10^22), one double division gives the point: IEEE 754 division rounds the exact quotient
 * correctly, which is what {@link BigDecimal#doubleValue()} does, so the result is the same double. Ranges outside
 * that (long decimals, huge lattices) fall back to the exact {@link Lattice#point}.
 */
final class LatticePoints {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private static final BigInteger EXACT_LIMIT = BigInteger.ONE.shiftLeft(53);

    private final double min;
    private final double step;
    private final long count;
    private final long minUnits;
    private final long stepUnits;
    /** The power of ten dividing the units; 0 when the fast path does not apply to this range. */
    private final double scale;

    LatticePoints(double min, double max, double step, boolean includeMax) {
        this.min = min;
        this.step = step;
        this.count = Lattice.count(min, max, step, includeMax);
        BigDecimal low = new BigDecimal(Double.toString(min));
        BigDecimal stride = new BigDecimal(Double.toString(step));
        int digits = Math.max(0, Math.max(low.stripTrailingZeros().scale(), stride.stripTrailingZeros().scale()));
        long lowUnits = 0;
        long strideUnits = 0;
        double power = 0;
        if (digits < POWERS_OF_TEN.length) {
            BigInteger first = low.setScale(digits).unscaledValue();
            BigInteger increment = stride.setScale(digits).unscaledValue();
            BigInteger last = first.add(increment.multiply(BigInteger.valueOf(count - 1)));
            if (first.abs().compareTo(EXACT_LIMIT) <= 0 && last.abs().compareTo(EXACT_LIMIT) <= 0) {
                // step > 0, so the units run monotonically from first to last and all of them are exact too
                lowUnits = first.longValueExact();
                strideUnits = increment.longValueExact();
                power = POWERS_OF_TEN[digits];
            }
        }
        this.minUnits = lowUnits;
        this.stepUnits = strideUnits;
        this.scale = power;
    }

    /** Number of points (as {@link Lattice#count}). */
    long count() {
        return count;
    }

    double step() {
        return step;
    }

    /** Point {@code i}, the same double as {@link Lattice#point}. */
    double point(long i) {
        if (i == 0) {
            return min;
        }
        if (scale != 0 && i > 0 && i < count) {
            return (double) (minUnits + i * stepUnits) / scale;
        }
        return Lattice.point(min, step, i);
    }

    /** Index of the point nearest to {@code coordinate}, clamped to the range (as {@link Lattice#nearest}). */
    long nearest(double coordinate) {
        return Lattice.nearest(min, step, count, coordinate);
    }

    /** Index of the point {@code value} is (within tolerance), or -1 when it is not on the lattice. */
    long indexOf(double value) {
        long k = nearest(value);
        return Math.abs(point(k) - value) <= Lattice.TOLERANCE * step ? k : -1;
    }
}
