package dev.hpo.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Pareto dominance and non-dominated sorting on losses (every objective turned so that smaller is better, see
 * {@link Objective#loss}). A NaN loss counts as the worst possible value ({@code +Infinity}), so an experiment
 * that reported garbage never dominates one that reported a number.
 *
 * <p>Items without losses (no value yet for some objective) are the caller's to exclude: every loss vector given
 * here must be non-null and of one common length.
 */
public final class Pareto {

    private Pareto() {
    }

    /** True when {@code a} is no worse than {@code b} in every objective and strictly better in at least one. */
    public static boolean dominates(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("loss vectors differ in length (" + a.length + " and " + b.length + ")");
        }
        boolean strictlyBetter = false;
        for (int i = 0; i < a.length; i++) {
            double x = worstIfNaN(a[i]);
            double y = worstIfNaN(b[i]);
            if (x > y) {
                return false;
            }
            if (x < y) {
                strictlyBetter = true;
            }
        }
        return strictlyBetter;
    }

    /**
     * Indices of {@code losses} grouped into fronts: front 0 is dominated by nothing, front k only by members of
     * earlier fronts. Each front lists its indices in ascending order. (Deb et al.'s fast non-dominated sort,
     * O(objectives x n^2).)
     */
    public static List<List<Integer>> frontIndices(List<double[]> losses) {
        int n = losses.size();
        checkLengths(losses);
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(losses.get(i), losses.get(j))) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(losses.get(j), losses.get(i))) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<List<Integer>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        while (!current.isEmpty()) {
            fronts.add(current);
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            next.sort(null);
            current = next;
        }
        return fronts;
    }

    /** The items grouped into fronts (see {@link #frontIndices}), each front in the order the items were given. */
    public static <T> List<List<T>> fronts(List<T> items, Function<T, double[]> losses) {
        List<List<T>> fronts = new ArrayList<>();
        for (List<Integer> front : frontIndices(items.stream().map(losses).toList())) {
            fronts.add(front.stream().map(items::get).toList());
        }
        return fronts;
    }

    /** The items no other item dominates, in the order given; items with equal losses are all kept. */
    public static <T> List<T> paretoFront(List<T> items, Function<T, double[]> losses) {
        List<List<T>> fronts = fronts(items, losses);
        return fronts.isEmpty() ? List.of() : fronts.get(0);
    }

    static double worstIfNaN(double loss) {
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }

    static void checkLengths(List<double[]> losses) {
        for (double[] vector : losses) {
            if (vector == null) {
                throw new IllegalArgumentException("an item has no losses; exclude it before ranking");
            }
            if (vector.length == 0 || vector.length != losses.get(0).length) {
                throw new IllegalArgumentException("every item needs the same, non-zero number of losses");
            }
        }
    }
}
