package dev.hpo.space;

/**
 * Values {@code base ** e} for an exponent {@code e} uniform between {@code min} and {@code max} (exponents,
 * as in ClearML), optionally on the exponent lattice {@code min + i * step}. Values are always
 * {@code base ** e}, never the raw exponent.
 *
 * @param step null for a continuous exponent
 */
public record LogUniformRange(String name, double min, double max, double base, Double step, boolean includeMax)
        implements NumericRange {

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
