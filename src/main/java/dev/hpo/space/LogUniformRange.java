package dev.hpo.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Values {@code base ** e} for an exponent {@code e} between {@code min} and {@code max} (exponents, as in
 * ClearML), produced as {@link Double}; never the raw exponent.
 *
 * <p>The search scale is the exponent. With a {@code step} the exponents are exactly the lattice
 * {@code min + i * step} that does not pass {@code max} (the same rules as {@link UniformRange}: {@code max} is
 * removed when excluded and never appended off the lattice). Without a step the exponent is uniform in
 * [min, max] and the grid has {@link SearchSpace#DEFAULT_GRID_INTERVALS} intervals of the exponent.
 *
 * @param base finite, greater than 0 and not 1 (a base below 1 makes values fall as the exponent rises)
 * @param step null for a continuous exponent; otherwise finite and greater than 0
 */
public record LogUniformRange(String name, double min, double max, double base, Double step, boolean includeMax)
        implements NumericRange {

    /** Validates the range; throws {@link InvalidSpaceException} naming the parameter and the field. */
    public LogUniformRange {
        name = Checks.name(name);
        Checks.finite(name, "min", min);
        Checks.finite(name, "max", max);
        Checks.finite(name, "base", base);
        if (!(base > 0) || base == 1) {
            throw Checks.invalid(name, "base", "must be greater than 0 and not 1 (" + base + ")");
        }
        if (!(min < max)) {
            throw Checks.invalid(name, "max", "must be greater than min (" + max + " <= " + min + ")");
        }
        if (step != null) {
            Lattice.checkStep(name, min, max, step);
        }
        for (double exponent : new double[] {min, max}) {
            double value = Math.pow(base, exponent);
            if (!Double.isFinite(value) || value == 0) {
                throw Checks.invalid(name, exponent == min ? "min" : "max",
                        "gives " + base + " ** " + exponent + " = " + value + ", outside the range of doubles");
            }
        }
    }

    /** The smallest exponent. */
    @Override
    public double low() {
        return min;
    }

    /** The last exponent of the lattice; {@code max} for a continuous range (even when excluded). */
    @Override
    public double high() {
        return step == null ? max : Lattice.point(min, step, latticeSize() - 1);
    }

    /** {@code base ** e} for the exponent {@code e} nearest to {@code coordinate} that the range holds. */
    @Override
    public Object valueAt(double coordinate) {
        Checks.notNaN(coordinate);
        if (step == null) {
            return continuousValue(Math.max(min, Math.min(max, coordinate)));
        }
        return power(Lattice.point(min, step, Lattice.nearest(min, step, latticeSize(), coordinate)));
    }

    /** The exponent: {@code log_base(value)}, chosen so that {@code valueAt} gives {@code value} back. */
    @Override
    public double coordinateOf(Object value) {
        double v = Checks.coordinateNumber(name, value);
        if (!(v > 0)) {
            throw new IllegalArgumentException("parameter '" + name + "': " + value + " is not a power of " + base);
        }
        double e = base == 10 ? Math.log10(v) : Math.log(v) / Math.log(base);
        // log and pow each round; a neighbouring exponent may be the one whose power is exactly v
        double candidate = e;
        for (int i = 0; i < 4 && power(candidate) != v; i++) {
            candidate = power(candidate) < v == base > 1 ? Math.nextUp(candidate) : Math.nextDown(candidate);
        }
        // + 0.0 turns -0.0 (log 1 over the negative log of a base below 1) into 0.0, below no range's low end
        return (power(candidate) == v ? candidate : e) + 0.0;
    }

    /** The exponent step; 0 for a continuous range. */
    @Override
    public double resolution() {
        return step == null ? 0 : step;
    }

    long latticeSize() {
        return Lattice.count(min, max, step, includeMax);
    }

    long gridCount() {
        return step == null ? Lattice.continuousCount(includeMax) : latticeSize();
    }

    Object gridValue(long index) {
        return power(step == null ? Lattice.gridPoint(min, max, index) : Lattice.point(min, step, index));
    }

    Object sample(UniformRandomProvider random) {
        if (step == null) {
            return continuousValue(Math.min(max, min + random.nextDouble() * (max - min)));
        }
        return power(Lattice.point(min, step, random.nextLong(latticeSize())));
    }

    /** The value in this range's own form (snapped to the lattice when it is on it), or null when not held. */
    Double held(Object value) {
        return held(value, lattice());
    }

    /** The exponent lattice of a stepped range set up for many look-ups; null for a continuous range. */
    LatticePoints lattice() {
        return step == null ? null : new LatticePoints(min, max, step, includeMax);
    }

    /** {@link #held(Object)} with the lattice of {@link #lattice()} set up once by the caller. */
    Double held(Object value, LatticePoints lattice) {
        double v = Checks.number(value);
        if (!(v > 0)) {
            return null;
        }
        if (step == null) {
            double first = power(min);
            double last = power(max);
            boolean inside = base > 1 ? v >= first && v <= last : v <= first && v >= last;
            return inside && (includeMax || v != last) ? v : null;
        }
        double e = base == 10 ? Math.log10(v) : Math.log(v) / Math.log(base);
        double snapped = power(lattice.point(lattice.nearest(e)));
        return Math.abs(snapped - v) <= Lattice.TOLERANCE * v ? snapped : null;
    }

    private double power(double exponent) {
        return Math.pow(base, exponent);
    }

    private double continuousValue(double exponent) {
        double value = power(exponent);
        if (includeMax) {
            return value;
        }
        double last = power(max);
        if (base > 1 ? value >= last : value <= last) {
            return base > 1 ? Math.nextDown(last) : Math.nextUp(last);
        }
        return value;
    }
}
