package dev.hpo.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.hpo.objective.Objective;

/**
 * The loop's ranking of a study's ended experiments that reported every objective, best first: by loss for one
 * objective, by Pareto front (then the first objective's loss) for several. Running experiments and ones that
 * never reported are not ranked.
 */
final class Ranks {

    private Ranks() {
    }

    /** One ranked experiment with its raw objective values. */
    record Ranked(ExperimentRow row, double[] values) {
    }

    static List<Ranked> of(StudyHistory history) {
        List<Objective> objectives = history.model.objectives;
        List<Ranked> ranked = new ArrayList<>();
        for (ExperimentRow row : history.experiments) {
            if (row.ended()) {
                double[] values = history.values(row);
                if (values != null && finite(values)) {
                    ranked.add(new Ranked(row, values));
                }
            }
        }
        if (objectives.size() == 1) {
            Objective objective = objectives.get(0);
            ranked.sort(Comparator.<Ranked>comparingDouble(r -> objective.loss(r.values()[0]))
                    .thenComparingInt(r -> r.row().number()));
            return ranked;
        }
        int[] front = fronts(ranked, objectives);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            order.add(i);
        }
        Objective first = objectives.get(0);
        order.sort(Comparator.<Integer>comparingInt(i -> front[i])
                .thenComparingDouble(i -> first.loss(ranked.get(i).values()[0]))
                .thenComparingInt(i -> ranked.get(i).row().number()));
        List<Ranked> sorted = new ArrayList<>(ranked.size());
        for (int i : order) {
            sorted.add(ranked.get(i));
        }
        return sorted;
    }

    private static boolean finite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    /** Front number (0 = non-dominated) of each point, by repeated peeling. */
    private static int[] fronts(List<Ranked> ranked, List<Objective> objectives) {
        int n = ranked.size();
        int[] front = new int[n];
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int cmp = dominance(ranked.get(i).values(), ranked.get(j).values(), objectives);
                if (cmp > 0) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (cmp < 0) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        int level = 0;
        while (!current.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                front[i] = level;
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            current = next;
            level++;
        }
        return front;
    }

    /** 1 when a dominates b, -1 when b dominates a, 0 otherwise. */
    private static int dominance(double[] a, double[] b, List<Objective> objectives) {
        boolean aBetter = false;
        boolean bBetter = false;
        for (int k = 0; k < a.length; k++) {
            double la = objectives.get(k).loss(a[k]);
            double lb = objectives.get(k).loss(b[k]);
            if (la < lb) {
                aBetter = true;
            } else if (lb < la) {
                bBetter = true;
            }
        }
        return aBetter == bBetter ? 0 : aBetter ? 1 : -1;
    }
}
