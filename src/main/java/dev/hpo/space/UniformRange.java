package dev.hpo.space;

/**
 * Real values between {@code min} and {@code max}. With a {@code step} the range holds only the lattice
 * {@code min + i * step} that does not pass {@code max}; {@code includeMax} says whether {@code max} itself
 * may be produced.
 *
 * @param step null for a continuous range
 */
public record UniformRange(String name, double min, double max, Double step, boolean includeMax) implements NumericRange {

    @Override
    public double low() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public double high() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Object valueAt(double coordinate) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public double coordinateOf(Object value) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public double resolution() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
