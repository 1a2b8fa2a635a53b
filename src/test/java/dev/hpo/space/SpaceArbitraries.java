package dev.hpo.space;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid parameters for the property tests; lattices are kept small so grids stay cheap. */
final class SpaceArbitraries {

    private SpaceArbitraries() {
    }

    private static final List<Double> STEPS = List.of(0.01, 0.05, 0.1, 0.125, 0.25, 0.3, 0.7, 1.0, 2.5, 3.0);

    /** Decimal minimum with two places, like a human writes it. */
    private static Arbitrary<Double> decimalMin() {
        return Arbitraries.integers().between(-10_000, 10_000).map(i -> i / 100.0);
    }

    /**
     * max = min + points * step, optionally pushed off the lattice by a fraction of a step, computed in decimal
     * so that an on-lattice max really is a lattice point.
     */
    private static double max(double min, double step, int points, int offPercent) {
        return new BigDecimal(Double.toString(min))
                .add(new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(points)))
                .add(new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(offPercent, 2)))
                .doubleValue();
    }

    static Arbitrary<UniformRange> steppedUniform() {
        return Combinators.combine(decimalMin(), Arbitraries.of(STEPS), Arbitraries.integers().between(1, 15),
                        Arbitraries.of(0, 0, 37, 99), Arbitraries.of(true, false))
                .as((min, step, points, off, includeMax) -> new UniformRange("u", min, max(min, step, points, off), step, includeMax));
    }

    static Arbitrary<UniformRange> continuousUniform() {
        return Combinators.combine(Arbitraries.doubles().between(-1e6, 1e6).ofScale(6), Arbitraries.doubles().between(1e-6, 1e6).ofScale(6),
                        Arbitraries.of(true, false))
                .as((min, width, includeMax) -> new UniformRange("u", min, min + width, null, includeMax));
    }

    static Arbitrary<IntegerRange> integerRange() {
        return Combinators.combine(Arbitraries.longs().between(-1_000_000, 1_000_000), Arbitraries.longs().between(1, 1000),
                        Arbitraries.integers().between(1, 15), Arbitraries.longs().between(0, 999), Arbitraries.of(true, false))
                .as((min, step, points, off, includeMax) ->
                        new IntegerRange("n", min, min + step * points + off % step, step, includeMax));
    }

    static Arbitrary<LogUniformRange> steppedLog() {
        return Combinators.combine(Arbitraries.integers().between(-800, 300).map(i -> i / 100.0), Arbitraries.of(STEPS),
                        Arbitraries.integers().between(1, 12), Arbitraries.of(0, 50), Arbitraries.of(10.0, 2.0, Math.E, 0.5),
                        Arbitraries.of(true, false))
                .as((min, step, points, off, base, includeMax) ->
                        new LogUniformRange("l", min, max(min, step, points, off), base, step, includeMax))
                .filter(range -> Double.isFinite(Math.pow(range.base(), range.max())));
    }

    static Arbitrary<LogUniformRange> continuousLog() {
        return Combinators.combine(Arbitraries.doubles().between(-10, 5).ofScale(6), Arbitraries.doubles().between(0.001, 10).ofScale(6),
                        Arbitraries.of(10.0, 2.0, 0.1), Arbitraries.of(true, false))
                .as((min, width, base, includeMax) -> new LogUniformRange("l", min, min + width, base, null, includeMax));
    }

    static Arbitrary<DiscreteValues> discrete() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(3).map(s -> (Object) s),
                Arbitraries.longs().between(-5, 5).map(l -> (Object) l),
                Arbitraries.of(0.5, 1.5, -2.25).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        return value.list().ofMinSize(1).ofMaxSize(6).uniqueElements(v -> v instanceof Number n ? n.doubleValue() : v)
                .map(values -> new DiscreteValues("d", values));
    }

    /** Any numeric range, stepped or continuous. */
    static Arbitrary<NumericRange> numericRange() {
        return Arbitraries.oneOf(steppedUniform(), continuousUniform(), integerRange(), steppedLog(), continuousLog());
    }

    /** Ranges with a finite set of values: what sampling and the grid must agree on exactly. */
    static Arbitrary<Parameter> finiteParameter() {
        return Arbitraries.oneOf(steppedUniform(), integerRange(), steppedLog(), discrete());
    }

    /** Any single parameter, renamed so several can share a space. */
    static Parameter renamed(Parameter parameter, String name) {
        if (parameter instanceof UniformRange r) {
            return new UniformRange(name, r.min(), r.max(), r.step(), r.includeMax());
        }
        if (parameter instanceof IntegerRange r) {
            return new IntegerRange(name, r.min(), r.max(), r.step(), r.includeMax());
        }
        if (parameter instanceof LogUniformRange r) {
            return new LogUniformRange(name, r.min(), r.max(), r.base(), r.step(), r.includeMax());
        }
        DiscreteValues d = (DiscreteValues) parameter;
        return new DiscreteValues(name, d.values());
    }
}
