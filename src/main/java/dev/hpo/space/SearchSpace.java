package dev.hpo.space;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An ordered list of parameters with unique names: what a study searches over.
 *
 * <p>Grid enumeration and random sampling agree on the values each range holds: a stepped range yields the
 * same lattice both ways, and neither goes past a maximum. A continuous range is enumerated on a grid of
 * {@link #DEFAULT_GRID_INTERVALS} intervals.
 *
 * <p>A point maps parameter names to values in space order. A {@link ParameterSet} contributes the keys of the
 * combination it chose, never its own name; names are unique across the top-level parameters and every key a
 * set can produce (different combinations of one set may share keys).
 */
public record SearchSpace(List<Parameter> parameters) {

    /** Intervals a continuous range is cut into for grid enumeration (ClearML uses the same resolution). */
    public static final int DEFAULT_GRID_INTERVALS = 100;

    /** The largest grid that may be enumerated; a bigger one is rejected with a clear error. */
    public static final long MAX_GRID_SIZE = 10_000_000L;

    /** Validates the list; throws {@link InvalidSpaceException} with the path of the offending parameter. */
    public SearchSpace {
        if (parameters == null || parameters.isEmpty()) {
            throw new InvalidSpaceException("parameters: must contain at least one parameter");
        }
        Map<String, String> owners = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            String path = "parameters[" + i + "]";
            if (parameter == null) {
                throw new InvalidSpaceException(path + ": must not be null");
            }
            if (parameter instanceof ParameterSet set) {
                for (int c = 0; c < set.combinations().size(); c++) {
                    for (String key : set.combinations().get(c).keySet()) {
                        claim(owners, key, path, path + ".combinations[" + c + "]." + key);
                    }
                }
            } else {
                claim(owners, parameter.name(), path, path + ".name");
            }
        }
        parameters = new ParameterList(parameters);
    }

    private static void claim(Map<String, String> owners, String name, String owner, String path) {
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new InvalidSpaceException(path + ": name '" + name + "' is already used by " + previous);
        }
    }

    /** One random point: parameter name to value, in space order (parameter sets contribute their keys). */
    public Map<String, Object> sample(UniformRandomProvider random) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (parameter instanceof ParameterSet set) {
                Choices.sample(set, random, point);
            } else {
                point.put(parameter.name(), Dimensions.sample(parameter, random));
            }
        }
        return point;
    }

    /**
     * Number of points of the full grid, computed from the sizes without enumerating; throws
     * {@link InvalidSpaceException} past {@link #MAX_GRID_SIZE}.
     */
    public long gridSize() {
        BigInteger total = BigInteger.ONE;
        for (Parameter parameter : parameters) {
            total = total.multiply(size(parameter));
        }
        if (total.compareTo(BigInteger.valueOf(MAX_GRID_SIZE)) > 0) {
            throw new InvalidSpaceException("grid of " + total + " points exceeds the limit of " + MAX_GRID_SIZE);
        }
        return total.longValueExact();
    }

    private static BigInteger size(Parameter parameter) {
        return parameter instanceof ParameterSet set ? Choices.size(set) : BigInteger.valueOf(Dimensions.size(parameter));
    }

    /**
     * The grid point at {@code index} (0-based, mixed radix with the last parameter varying fastest, as ClearML's
     * {@code itertools.product}); throws {@link InvalidSpaceException} when the grid is too large to enumerate and
     * {@link IndexOutOfBoundsException} for an index outside {@code [0, gridSize())}. Each call costs
     * O(parameters), so a strategy can walk the grid lazily by index without materialising it.
     */
    public Map<String, Object> gridPoint(long index) {
        long total = gridSize();
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException("grid index " + index + " is outside [0, " + total + ")");
        }
        long[] digits = new long[parameters.size()];
        long rest = index;
        for (int i = parameters.size() - 1; i >= 0; i--) {
            long radix = size(parameters.get(i)).longValueExact();
            digits[i] = rest % radix;
            rest /= radix;
        }
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            if (parameter instanceof ParameterSet set) {
                Choices.gridValues(set, digits[i], point);
            } else {
                point.put(parameter.name(), Dimensions.gridValue(parameter, digits[i]));
            }
        }
        return point;
    }

    /**
     * True when the space could produce {@code point}: it has exactly the keys of every top-level parameter plus
     * those of one combination of each set, and every value is one its parameter holds (numbers compared by value,
     * so {@code 1.0} is held by an integer range that holds {@code 1}).
     */
    public boolean holds(Map<String, Object> point) {
        return keys().holds(point);
    }

    /**
     * Stable text for de-duplication: keys sorted, each value in the form its parameter produces (a value held by
     * a range snaps to the exact lattice point; {@code 1L} and {@code 1.0} give the same text for the same
     * parameter). Strings are quoted, so {@code "1"} and {@code 1} differ. Keys the space does not know are kept
     * with their value normalised on its own.
     *
     * <p>Cheap enough to call for every trial of a history on every suggestion: what depends only on the space is
     * prepared on the first call and kept (see {@link PointKeys}), so a point costs a pass over its keys.
     */
    public String canonicalKey(Map<String, Object> point) {
        return keys().key(point);
    }

    /**
     * An id that equals another point's id exactly when their {@link #canonicalKey}s are equal, without building
     * the text: the cheaper choice for sets of tried points. Ids of different spaces must not be compared.
     */
    public PointId pointId(Map<String, Object> point) {
        return keys().id(point);
    }

    /**
     * The given points (e.g. a history's parameters) as a set to ask "was this point tried?", by canonical key;
     * cheaper than collecting keys or ids when only a few questions are asked. See {@link TriedPoints}.
     */
    public TriedPoints triedPoints(List<? extends Map<String, Object>> points) {
        return new TriedPoints(this, keys(), points);
    }

    /** The space's look-up structures, built on first use and kept with the parameter list. */
    private PointKeys keys() {
        return ((ParameterList) parameters).keys();
    }
}
