package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two-objective hypervolume, used by MOTPE to thin the last good front to the members that cover the most of it.
 * Dominance, fronts and crowding distance come from {@link dev.hpo.objective.Pareto} and
 * {@link dev.hpo.objective.CrowdingDistance}.
 */
final class Hypervolume {

    private Hypervolume() {
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
}
