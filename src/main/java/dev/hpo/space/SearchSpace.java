package dev.hpo.space;

import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An ordered list of parameters with unique names: what a study searches over.
 *
 * <p>Grid enumeration and random sampling agree on the values each range holds: a stepped range yields the
 * same lattice both ways, and neither goes past a maximum. A continuous range is enumerated on a grid of
 * {@link #DEFAULT_GRID_INTERVALS} intervals.
 */
public record SearchSpace(List<Parameter> parameters) {

    /** Intervals a continuous range is cut into for grid enumeration (ClearML uses the same resolution). */
    public static final int DEFAULT_GRID_INTERVALS = 100;

    /** The largest grid that may be enumerated; a bigger one is rejected with a clear error. */
    public static final long MAX_GRID_SIZE = 10_000_000L;

    /** One random point: parameter name to value, in space order (parameter sets contribute their keys). */
    public Map<String, Object> sample(UniformRandomProvider random) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Number of points of the full grid; throws {@link InvalidSpaceException} past {@link #MAX_GRID_SIZE}. */
    public long gridSize() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The grid point at {@code index} (0-based, the last parameter varying fastest). */
    public Map<String, Object> gridPoint(long index) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
