package dev.hpo.bench;

import java.util.Map;

import dev.hpo.space.SearchSpace;

/**
 * One minimization problem of the benchmark protocol ({@code bench/PROTOCOL.md}).
 *
 * <p>The observed value may differ from the true value (the tabular problem observes one training seed per
 * experiment); the incumbent is chosen by observed value and scored by true value minus {@link #optimum()}.
 */
public interface Problem {

    /** The protocol's name, e.g. {@code branin}. */
    String name();

    SearchSpace space();

    /**
     * What the experiment with 0-based creation number {@code creationNumber} reports for {@code point}: the true
     * value, unless the problem's observations are noisy (hpolib reports one training seed's result).
     */
    default double evaluate(Map<String, Object> point, int creationNumber) {
        return trueValue(point);
    }

    /**
     * What the experiment reports in the run with seed {@code seed}: {@link #evaluate(Map, int)} unless the problem
     * adds seeded noise ({@link NoisyProblem}), which must differ between seeds yet be the same in every language.
     */
    default double evaluate(Map<String, Object> point, int creationNumber, long seed) {
        return evaluate(point, creationNumber);
    }

    /** The noise-free value the regret is measured with. */
    double trueValue(Map<String, Object> point);

    /** The smallest true value (or the protocol's reference value). */
    double optimum();

    /** True when every parameter is numeric (the rows where CMA-ES is compared with Optuna's). */
    default boolean numeric() {
        return space().parameters().stream().allMatch(p -> p instanceof dev.hpo.space.NumericRange);
    }

    /** Reads a numeric parameter whatever {@link Number} type the strategy produced. */
    static double number(Map<String, Object> point, String name) {
        Object value = point.get(name);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, was " + value);
        }
        return n.doubleValue();
    }
}
