package dev.hpo.space;

/**
 * One dimension of a search space. The set of kinds is closed; every record validates itself in its
 * constructor and throws {@link InvalidSpaceException} with a message that names the parameter.
 *
 * <p>Values produced for a parameter are {@link Double}, {@link Long}, {@link String} or {@link Boolean}.
 */
public sealed interface Parameter permits NumericRange, DiscreteValues, ParameterSet {

    /** The parameter's name, e.g. {@code General/lr}; for a {@link ParameterSet} the name of the choice it makes. */
    String name();
}
