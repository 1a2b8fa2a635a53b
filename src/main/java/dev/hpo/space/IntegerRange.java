package dev.hpo.space;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Integers {@code min + i * step} (i = 0, 1, ...) that do not pass {@code max}, produced as {@link Long}, the same
 * set whether sampled or enumerated on a grid. {@code includeMax=false} removes {@code max} itself when it is on
 * the lattice; {@code max} is never appended when it is off the lattice. This fixes ClearML, whose (128, 500,
 * step 128) grid ends in 500 while its sampler yields 512: here the range holds {128, 256, 384}.
 *
 * @param step at least 1
 */
public record IntegerRange(String name, long min, long max, long step, boolean includeMax) implements NumericRange {

    /** Validates the range; throws {@link InvalidSpaceException} naming the parameter and the field. */
    public IntegerRange {
        name = Checks.name(name);
        if (min >= max) {
            throw Checks.invalid(name, "max", "must be greater than min (" + max + " <= " + min + ")");
        }
        if (step < 1) {
            throw Checks.invalid(name, "step", "must be at least 1 (" + step + ")");
        }
        if (max - min < 0) {
            throw Checks.invalid(name, "max", "is too far from min for a 64-bit range");
        }
    }

    @Override
    public double low() {
        return min;
    }

    /** The last value of the lattice. */
    @Override
    public double high() {
        return point(latticeSize() - 1);
    }

    @Override
    public Object valueAt(double coordinate) {
        Checks.notNaN(coordinate);
        double k = Math.rint((coordinate - min) / step);
        long last = latticeSize() - 1;
        return point(k > 0 ? (long) Math.min(k, last) : 0);
    }

    @Override
    public double coordinateOf(Object value) {
        return Checks.coordinateNumber(name, value);
    }

    /** The step. */
    @Override
    public double resolution() {
        return step;
    }

    long latticeSize() {
        long n = (max - min) / step + 1;
        return !includeMax && point(n - 1) == max ? n - 1 : n;
    }

    long gridCount() {
        return latticeSize();
    }

    Long point(long index) {
        return min + index * step;
    }

    Object sample(UniformRandomProvider random) {
        return point(random.nextLong(latticeSize()));
    }

    /** The value as a Long when it is on the lattice (1.0 counts as 1), or null when not held. */
    Long held(Object value) {
        Object normalized = value instanceof Number ? Checks.normalize(value) : null;
        long x;
        if (normalized instanceof Long l) {
            x = l;
        } else if (normalized instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
            x = d.longValue();
        } else {
            return null;
        }
        if (x < min || x > max || Math.floorMod(x - min, step) != 0 || (x - min) / step >= latticeSize()) {
            return null;
        }
        return x;
    }
}
