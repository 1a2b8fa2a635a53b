package dev.hpo.importance;

/**
 * The values one parameter took in the trials, in trial order.
 */
public sealed interface Column permits Column.Numeric, Column.Categorical {

    /** The parameter's name. */
    String name();

    /**
     * A numeric parameter on its search scale (the exponent for a log-uniform one).
     *
     * @param low         smallest coordinate the parameter can take
     * @param high        largest coordinate
     * @param coordinates one per trial; {@code NaN} where the trial has no value for it
     */
    record Numeric(String name, double low, double high, double[] coordinates) implements Column {
    }

    /**
     * A parameter with unordered values.
     *
     * @param categories how many values it can take
     * @param codes      one per trial, in {@code [0, categories)}; {@code -1} where the trial has no value for it
     */
    record Categorical(String name, int categories, int[] codes) implements Column {
        public Categorical {
            if (categories < 1) {
                throw new IllegalArgumentException("a categorical column needs at least one category");
            }
        }
    }
}
