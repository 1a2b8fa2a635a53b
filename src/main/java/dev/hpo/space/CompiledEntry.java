package dev.hpo.space;

/**
 * One dimension (a parameter that is not a set, or a constant of a combination) with what its look-ups need set
 * up once: {@link #held} and {@link #canonical} answer exactly as {@link Dimensions#held} and
 * {@link Dimensions#canonical} do, without redoing the decimal lattice arithmetic on every call.
 */
final class CompiledEntry {

    private final Object entry;
    private final LatticePoints lattice;
    /** A range without a step, whose canonical form of a Double is that Double whether held or not. */
    private final boolean continuous;

    CompiledEntry(Object entry) {
        this.entry = entry;
        this.continuous = entry instanceof UniformRange u && u.step() == null
                || entry instanceof LogUniformRange l && l.step() == null;
        if (entry instanceof UniformRange range) {
            this.lattice = range.lattice();
        } else if (entry instanceof LogUniformRange range) {
            this.lattice = range.lattice();
        } else {
            this.lattice = null;
        }
    }

    /** As {@link Dimensions#held}: the value in the entry's own form, or null when the entry cannot produce it. */
    Object held(Object value) {
        if (value == null) {
            return null;
        }
        if (entry instanceof UniformRange range) {
            return range.held(value, lattice);
        }
        if (entry instanceof LogUniformRange range) {
            return range.held(value, lattice);
        }
        return Dimensions.held(entry, value);
    }

    /** As {@link Dimensions#canonical}: the value as the entry would write it. */
    Object canonical(Object value) {
        if (continuous && value instanceof Double) {
            // held gives the same double back, and so does the "not held" path (Number.doubleValue, or the raw
            // value when not finite): no need to test the bounds (two Math.pow calls on a log scale)
            return value;
        }
        return Dimensions.canonical(entry, value, held(value));
    }
}
