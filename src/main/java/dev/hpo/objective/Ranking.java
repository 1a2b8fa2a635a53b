package dev.hpo.objective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Orders items (experiments, trials) from best to worst by their losses (smaller is better, see
 * {@link Objective#loss}).
 *
 * <p>With one objective: ascending loss, ties in the order given. With several: by Pareto front (see
 * {@link Pareto}), within a front by {@link CrowdingDistance} (larger first, so the boundary points of the front
 * come first), then in the order given. A NaN loss ranks as {@code +Infinity}.
 *
 * <p>Items without losses (an objective not reported yet, a failed experiment) must be excluded by the caller:
 * a null loss vector is an {@link IllegalArgumentException}, as are vectors of different lengths.
 */
public final class Ranking {

    private Ranking() {
    }

    /** All items, best first. */
    public static <T> List<T> rank(List<T> items, Function<T, double[]> losses) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<double[]> vectors = items.stream().map(losses).toList();
        Pareto.checkLengths(vectors);
        if (vectors.get(0).length == 1) {
            // List.sort is stable, which keeps ties in the given order
            List<Integer> order = new ArrayList<>(IntStream.range(0, items.size()).boxed().toList());
            order.sort(Comparator.comparingDouble((Integer i) -> Pareto.worstIfNaN(vectors.get(i)[0])));
            return order.stream().map(items::get).toList();
        }
        List<T> ranked = new ArrayList<>(items.size());
        for (List<Integer> front : Pareto.frontIndices(vectors)) {
            double[] crowding = CrowdingDistance.of(front.stream().map(vectors::get).toList());
            List<Integer> positions = new ArrayList<>(IntStream.range(0, front.size()).boxed().toList());
            positions.sort(Comparator.comparingDouble((Integer p) -> -crowding[p]));
            positions.forEach(p -> ranked.add(items.get(front.get(p))));
        }
        return ranked;
    }

    /** The best {@code k} items (all of them when there are fewer), best first. */
    public static <T> List<T> top(List<T> items, Function<T, double[]> losses, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative (" + k + ")");
        }
        List<T> ranked = rank(items, losses);
        return ranked.subList(0, Math.min(k, ranked.size()));
    }
}
