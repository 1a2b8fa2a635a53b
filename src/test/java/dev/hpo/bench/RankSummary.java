package dev.hpo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality table in two numbers per strategy: its mean rank across problems (by median regret after the last
 * checkpoint, 1 = best, tied rows share the mean of their ranks) and its wins vs random search at 80% (the share of
 * problems where it beats random search with the same seed on at least 80% of seeds, ties counting half as in the
 * table). A strategy is ranked only on the problems it ran on (CMA-ES rejects spaces without a numeric parameter), so
 * the problem count is printed with it.
 *
 * <p>A second block ranks our rows together with Optuna 3.1's (ANCHORS.md) on the problems where Optuna has all four
 * rows; Optuna's win% is against its own random search.
 */
final class RankSummary {

    static final double WIN_BAR = 80;
    static final List<String> OPTUNA = List.of("random", "tpe", "tpe_mv", "cmaes");

    private RankSummary() {
    }

    /** One ranked entry on one problem. */
    private record Entry(String label, double median, double win) {
    }

    static String format(List<QualityRow> rows, Anchors anchors, int trials) {
        int at = QualityTable.at(100, trials);
        Map<String, List<Entry>> ours = new LinkedHashMap<>();
        for (QualityRow row : rows) {
            ours.computeIfAbsent(row.problem(), p -> new ArrayList<>())
                    .add(new Entry(row.strategy(), row.medianAfter(at), row.winPercent(at)));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("rank summary over %d problems, median regret after %d experiments (1 = best, ties"
                + " share); wins = problems where the row beats random on >= %.0f%% of seeds%n", ours.size(), at,
                WIN_BAR));
        block(out, ours);
        if (at == 100) {
            Map<String, List<Entry>> joint = new LinkedHashMap<>();
            ours.forEach((problem, entries) -> {
                List<Entry> optuna = new ArrayList<>();
                for (String strategy : OPTUNA) {
                    double[] anchor = anchors.quality().get(problem + "/" + strategy);
                    if (anchor != null) {
                        optuna.add(new Entry("optuna " + strategy, anchor[2], anchor[5]));
                    }
                }
                if (optuna.size() == OPTUNA.size()) {
                    List<Entry> all = new ArrayList<>(entries);
                    all.addAll(optuna);
                    joint.put(problem, all);
                }
            });
            if (!joint.isEmpty()) {
                out.append(String.format("%nwith optuna 3.1's rows (ANCHORS.md), on the %d problems it has all four"
                        + " for%n", joint.size()));
                block(out, joint);
            }
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Map<String, List<Entry>> byProblem) {
        Map<String, double[]> totals = new LinkedHashMap<>(); // label -> rank sum, problems, wins
        for (List<Entry> entries : byProblem.values()) {
            for (Entry entry : entries) {
                double[] total = totals.computeIfAbsent(entry.label(), l -> new double[3]);
                total[0] += rank(entry, entries);
                total[1] += 1;
                total[2] += entry.label().endsWith("random") ? 0 : entry.win() >= WIN_BAR ? 1 : 0;
            }
        }
        out.append(String.format("%-34s %8s %9s %10s%n", "strategy", "problems", "mean rank", "wins>=80%"));
        totals.forEach((label, total) -> out.append(String.format("%-34s %8d %9s %10s%n", label, (int) total[1],
                PyFormat.f(total[0] / total[1], 2), label.endsWith("random") ? "-"
                        : PyFormat.f(100 * total[2] / total[1], 0) + "%")));
    }

    /** 1 + the entries strictly better + half of the other entries tied with it (NaN, no result, ranks last). */
    private static double rank(Entry entry, List<Entry> entries) {
        double better = 0;
        double tied = 0;
        double mine = key(entry.median());
        for (Entry other : entries) {
            if (other == entry) {
                continue;
            }
            double theirs = key(other.median());
            better += theirs < mine ? 1 : 0;
            tied += theirs == mine ? 1 : 0;
        }
        return 1 + better + tied / 2;
    }

    private static double key(double median) {
        return Double.isNaN(median) ? Double.POSITIVE_INFINITY : median;
    }
}
