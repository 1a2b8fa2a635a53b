package dev.hpo.strategy.auto;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;

/**
 * What the choice of a strategy looks at in a space: how many parameters are ordered (numeric ranges with more
 * than one value, and discrete choices among numbers), how many are unordered categories, and whether any
 * parameter is conditional (a parameter set).
 *
 * @param ordered     numeric ranges and numeric discrete choices with two or more values
 * @param categorical discrete choices with two or more values that are not all numbers
 * @param conditional true when the space has a parameter set
 * @param ranges      numeric ranges with more than one value (the rest of {@code ordered} are numeric choices)
 */
record SpaceProfile(int ordered, int categorical, boolean conditional, int ranges) {

    static SpaceProfile of(SearchSpace space) {
        int ordered = 0;
        int categorical = 0;
        boolean conditional = false;
        int ranges = 0;
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof NumericRange range) {
                if (range.high() > range.low()) {
                    ordered++;
                    ranges++;
                }
            } else if (parameter instanceof DiscreteValues choice) {
                if (choice.values().size() >= 2) {
                    if (choice.values().stream().allMatch(Number.class::isInstance)) {
                        ordered++;
                    } else {
                        categorical++;
                    }
                }
            } else if (parameter instanceof ParameterSet) {
                conditional = true;
            }
        }
        return new SpaceProfile(ordered, categorical, conditional, ranges);
    }

    int dimensions() {
        return ordered + categorical;
    }
}
