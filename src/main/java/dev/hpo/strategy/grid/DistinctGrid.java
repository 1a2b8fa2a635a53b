package dev.hpo.strategy.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.PointId;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

/**
 * The space's grid in grid order with every point whose {@link SearchSpace#canonicalKey} already came earlier left
 * out, addressable by position. Overlapping combinations of a parameter set (say {@code {"a": 1}} and
 * {@code {"a": <integers 0..3>}}) put the same point in the grid more than once.
 *
 * <p>A point's key is made of each parameter's part, so a grid point repeats an earlier one exactly when one of
 * its parameters takes a value that parameter's own grid already produced at a lower index. The distinct grid is
 * therefore the mixed-radix product of each parameter's first occurrences, still in grid order, and point
 * {@code n} of it is found by arithmetic. Only parameters that can repeat are enumerated, once, at creation: sets,
 * and real ranges whose steps are too fine for doubles to tell neighbours apart (integers and listed values never
 * repeat).
 */
final class DistinctGrid {

    private final SearchSpace space;
    /** Grid size of each parameter on its own. */
    private final long[] sizes;
    /** Per parameter: grid indices of its first occurrences in order, or null when none of its values repeats. */
    private final long[][] firsts;
    private final long size;

    /** Throws {@link dev.hpo.space.InvalidSpaceException} when the grid is too large to enumerate. */
    DistinctGrid(SearchSpace space) {
        space.gridSize();
        this.space = space;
        List<Parameter> parameters = space.parameters();
        sizes = new long[parameters.size()];
        firsts = new long[parameters.size()][];
        long distinct = 1;
        for (int p = 0; p < parameters.size(); p++) {
            SearchSpace alone = new SearchSpace(List.of(parameters.get(p)));
            sizes[p] = alone.gridSize();
            firsts[p] = neverRepeats(parameters.get(p)) ? null : firstOccurrences(alone, sizes[p]);
            distinct *= firsts[p] == null ? sizes[p] : firsts[p].length;
        }
        size = distinct;
    }

    /** Number of distinct points. */
    long size() {
        return size;
    }

    /** Distinct point {@code n}, {@code 0 <= n < size()}: the n-th grid point whose key did not come earlier. */
    Map<String, Object> point(long n) {
        long[] digits = new long[sizes.length];
        long rest = n;
        for (int p = sizes.length - 1; p >= 0; p--) {
            long radix = firsts[p] == null ? sizes[p] : firsts[p].length;
            digits[p] = rest % radix;
            rest /= radix;
        }
        long index = 0;
        for (int p = 0; p < sizes.length; p++) {
            index = index * sizes[p] + (firsts[p] == null ? digits[p] : firsts[p][(int) digits[p]]);
        }
        return space.gridPoint(index);
    }

    private static long[] firstOccurrences(SearchSpace alone, long size) {
        Set<PointId> seen = new HashSet<>();
        List<Long> firsts = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            if (seen.add(alone.pointId(alone.gridPoint(i)))) {
                firsts.add(i);
            }
        }
        return firsts.size() == size ? null : firsts.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * True when the parameter's grid values are distinct without looking: integers and listed values are, and a
     * real range is when neighbouring grid values lie further apart than the rounding of doubles can close (the
     * values are monotone, so distinct neighbours mean distinct values).
     */
    private static boolean neverRepeats(Parameter parameter) {
        if (parameter instanceof IntegerRange || parameter instanceof DiscreteValues) {
            return true;
        }
        if (parameter instanceof UniformRange r) {
            return apart(r.min(), r.max(), r.step());
        }
        if (parameter instanceof LogUniformRange r) {
            double gap = r.step() != null ? r.step() : (r.max() - r.min()) / SearchSpace.DEFAULT_GRID_INTERVALS;
            // relative gap of neighbouring powers, far above the one-ulp error of Math.pow
            return apart(r.min(), r.max(), r.step()) && Math.abs(Math.log(r.base())) * gap > 1e-12;
        }
        return false;
    }

    /** Neighbouring points (step apart, or a hundredth of the range) are more than 4 ulps apart. */
    private static boolean apart(double min, double max, Double step) {
        double gap = step != null ? step : (max - min) / SearchSpace.DEFAULT_GRID_INTERVALS;
        return gap > 4 * Math.ulp(Math.max(Math.abs(min), Math.abs(max)));
    }
}
