package dev.hpo.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Real values between {@code min} and {@code max}, produced as {@link Double}.
 *
 * <p>With a {@code step} the range holds exactly the lattice {@code min + i * step} (i = 0, 1, ...) that does not
 * pass {@code max}, both when sampled and when enumerated on a grid; {@code includeMax=false} removes {@code max}
 * itself when it is on the lattice, and {@code max} is never appended when it is off the lattice. This fixes
 * ClearML, whose grid for (0.01, 0.3, step 0.05) ends in 0.3 and drops 0.26 while its sampler yields 0.26.
 *
 * <p>Without a step, sampling is uniform in [min, max] ([min, max) when {@code includeMax} is false) and the grid
 * has {@link SearchSpace#DEFAULT_GRID_INTERVALS} intervals.
 *
 * @param step null for a continuous range; otherwise finite and greater than 0
 */
public record UniformRange(String name, double min, double max, Double step, boolean includeMax) implements NumericRange {

    /** Validates the range; throws {@link InvalidSpaceException} naming the parameter and the field. */
    public UniformRange {
        name = Checks.name(name);
        Checks.finite(name, "min", min);
        Checks.finite(name, "max", max);
        if (!(min < max)) {
            throw Checks.invalid(name, "max", "must be greater than min (" + max + " <= " + min + ")");
        }
        if (!Double.isFinite(max - min)) {
            // sampling and the grid work with max - min; an overflowing width would produce infinities
            throw Checks.invalid(name, "max", "max - min must be a finite number (" + max + " - " + min + ")");
        }
        if (step != null) {
            Lattice.checkStep(name, min, max, step);
        }
    }

    @Override
    public double low() {
        return min;
    }

    /** The last lattice point for a stepped range; {@code max} for a continuous one (even when excluded). */
    @Override
    public double high() {
        return step == null ? max : Lattice.point(min, step, latticeSize() - 1);
    }

    @Override
    public Object valueAt(double coordinate) {
        Checks.notNaN(coordinate);
        if (step == null) {
            return Lattice.clamp(min, max, includeMax, coordinate);
        }
        return Lattice.point(min, step, Lattice.nearest(min, step, latticeSize(), coordinate));
    }

    @Override
    public double coordinateOf(Object value) {
        return Checks.coordinateNumber(name, value);
    }

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
        return step == null ? Lattice.gridPoint(min, max, index) : Lattice.point(min, step, index);
    }

    Object sample(UniformRandomProvider random) {
        if (step == null) {
            return Lattice.clamp(min, max, includeMax, min + random.nextDouble() * (max - min));
        }
        return Lattice.point(min, step, random.nextLong(latticeSize()));
    }

    /** The value in this range's own form (snapped to the lattice when it is on it), or null when not held. */
    Double held(Object value) {
        return held(value, lattice());
    }

    /** The lattice of a stepped range with its arithmetic set up, for many look-ups; null for a continuous one. */
    LatticePoints lattice() {
        return step == null ? null : new LatticePoints(min, max, step, includeMax);
    }

    /** {@link #held(Object)} with the lattice of {@link #lattice()} set up once by the caller. */
    Double held(Object value, LatticePoints lattice) {
        double d = Checks.number(value);
        if (Double.isNaN(d)) {
            return null;
        }
        if (step == null) {
            return d >= min && (includeMax ? d <= max : d < max) ? d : null;
        }
        long k = lattice.indexOf(d);
        return k < 0 ? null : lattice.point(k);
    }
}
