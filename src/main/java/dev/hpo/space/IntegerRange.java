package dev.hpo.space;

/**
 * Integers {@code min + i * step} that do not pass {@code max}; {@code includeMax} says whether {@code max}
 * itself may be produced. Values are {@link Long}.
 */
public record IntegerRange(String name, long min, long max, long step, boolean includeMax) implements NumericRange {

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
