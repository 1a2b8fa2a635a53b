package dev.hpo.bench;

import java.util.List;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.UniformRange;

/** Short factories for the parameter kinds the protocol's problems use (ClearML's defaults: max included). */
final class Ranges {

    private Ranges() {
    }

    static UniformRange uniform(String name, double min, double max) {
        return new UniformRange(name, min, max, null, true);
    }

    static IntegerRange integer(String name, long min, long max) {
        return new IntegerRange(name, min, max, 1, true);
    }

    /** {@code base ** e} for a continuous exponent {@code e} in [minExponent, maxExponent]. */
    static LogUniformRange logUniform(String name, double minExponent, double maxExponent, double base) {
        return new LogUniformRange(name, minExponent, maxExponent, base, null, true);
    }

    static DiscreteValues discrete(String name, Object... values) {
        return new DiscreteValues(name, List.of(values));
    }
}
