package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated sorting, two-objective hypervolume and crowding distance on loss vectors (smaller is better).
 * A private helper: the shared {@code dev.hpo.objective} package has no Pareto ranking on this branch yet.
 */
final class Pareto {

    private Pareto() {
    }

    /** True when {@code a} is no worse than {@code b} everywhere and better somewhere. */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int m = 0; m < a.length; m++) {
            if (a[m] > b[m]) {
                return false;
            }
            better |= a[m] < b[m];
        }
        return better;
    }

    /** Indices of {@code points} by non-dominated front, best front first, indices ascending within a front. */
    static List<List<Integer>> fronts(List<double[]> points) {
        int n = points.size();
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(points.get(i), points.get(j))) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(points.get(j), points.get(i))) {
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
            next.sort(Comparator.naturalOrder());
            current = next;
        }
        return fronts;
    }

    /** Hypervolume dominated by two-objective points up to {@code reference}. */
    static double hypervolume2d(List<double[]> points, double[] reference) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
        double volume = 0;
        double ceiling = reference[1];
        for (double[] p : sorted) {
            if (p[1] < ceiling && p[0] < reference[0]) {
                volume += (reference[0] - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return volume;
    }

    /** Greedily picks {@code count} of {@code candidates}, each time the one adding the most hypervolume. */
    static List<Integer> greedyHypervolume(List<Integer> candidates, List<double[]> points, double[] reference,
                                           int count) {
        List<Integer> chosen = new ArrayList<>();
        List<double[]> chosenPoints = new ArrayList<>();
        boolean[] used = new boolean[candidates.size()];
        for (int step = 0; step < count; step++) {
            int best = -1;
            double bestVolume = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates.size(); c++) {
                if (used[c]) {
                    continue;
                }
                chosenPoints.add(points.get(candidates.get(c)));
                double volume = hypervolume2d(chosenPoints, reference);
                chosenPoints.remove(chosenPoints.size() - 1);
                if (volume > bestVolume) {
                    bestVolume = volume;
                    best = c;
                }
            }
            used[best] = true;
            chosen.add(candidates.get(best));
            chosenPoints.add(points.get(candidates.get(best)));
        }
        return chosen;
    }

    /** NSGA-II crowding distance of each member of {@code front} (same order); boundary points are infinite. */
    static double[] crowding(List<Integer> front, List<double[]> points) {
        int size = front.size();
        double[] distance = new double[size];
        int objectives = points.get(front.get(0)).length;
        Integer[] order = new Integer[size];
        for (int m = 0; m < objectives; m++) {
            final int objective = m;
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> points.get(front.get(i))[objective]));
            double min = points.get(front.get(order[0]))[m];
            double max = points.get(front.get(order[size - 1]))[m];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[size - 1]] = Double.POSITIVE_INFINITY;
            if (max > min) {
                for (int i = 1; i < size - 1; i++) {
                    distance[order[i]] += (points.get(front.get(order[i + 1]))[m]
                            - points.get(front.get(order[i - 1]))[m]) / (max - min);
                }
            }
        }
        return distance;
    }
}
