package dev.hpo.space;

/**
 * A numeric parameter seen on its search scale, the common encoding model-based strategies work in: the
 * plain value for {@link UniformRange} and {@link IntegerRange}, the exponent for {@link LogUniformRange}.
 * Strategies propose a coordinate and {@link #valueAt} turns it into a value the range really holds.
 */
public sealed interface NumericRange extends Parameter permits UniformRange, IntegerRange, LogUniformRange {

    /** Smallest coordinate on the search scale. */
    double low();

    /** Largest coordinate on the search scale that the range can produce (last lattice point, or max). */
    double high();

    /**
     * The value the range holds nearest to {@code coordinate}: clamped to the range, snapped to the step lattice,
     * never past the maximum (nor equal to it when {@code includeMax} is false). A {@link Double} or, for
     * {@link IntegerRange}, a {@link Long}; for {@link LogUniformRange} it is {@code base ** coordinate}.
     */
    Object valueAt(double coordinate);

    /** The search-scale coordinate of a value this range produced. */
    double coordinateOf(Object value);

    /** Distance between neighbouring lattice points on the search scale; 0 for a continuous range. */
    double resolution();
}
