package dev.hpo.bench;

import java.util.List;

/**
 * Our numbers beside Optuna's anchors, with the bar for each row: {@code tpe}, {@code tpe_mv} and
 * (on numeric problems) {@code cmaes} no worse than Optuna's median regret, and {@code tpe} beating random search
 * on at least 80% of seeds on every problem but {@code count_ones}. Hpolib is discrete, so CMA-ES is not
 * compared there (Optuna's samples it at random).
 */
final class Comparison {

    private Comparison() {
    }

    static String quality(List<QualityRow> rows, Anchors anchors, int trials) {
        int at = trials >= 100 ? 100 : trials >= 50 ? 50 : 25;
        int anchorColumn = at == 100 ? 2 : at == 50 ? 1 : 0;
        StringBuilder out = new StringBuilder();
        out.append(String.format("vs optuna 3.1 (ANCHORS.md), median regret after %d experiments; bar: tpe, tpe_mv,"
                + " cmaes (numeric problems) <= optuna, tpe win%% >= 80 (not count_ones)%n", at));
        out.append(String.format("%-26s %-8s %9s %10s %8s %10s  %s%n", "problem", "strategy", "ours", "optuna",
                "ours win", "optuna win", "verdict"));
        for (QualityRow row : rows) {
            double[] anchor = anchors.quality().get(row.problem() + "/" + row.strategy());
            if (anchor == null) {
                continue;
            }
            double ours = row.medianAfter(at);
            double win = row.winPercent(at);
            out.append(String.format("%-26s %-8s %9s %10s %8s %10s  %s%n", row.problem(), row.strategy(),
                    PyFormat.g(ours, 4), PyFormat.g(anchor[anchorColumn], 4), PyFormat.f(win, 0),
                    at == 100 ? PyFormat.f(anchor[5], 0) : "-", verdict(row, ours, anchor[anchorColumn], win)));
        }
        return out.toString();
    }

    private static String verdict(QualityRow row, double ours, double optuna, double win) {
        boolean compared = switch (row.strategy()) {
            case "tpe", "tpe_mv" -> true;
            case "cmaes" -> !List.of("count_ones", "hpolib_protein").contains(row.problem());
            default -> false;
        };
        if (!compared) {
            return "";
        }
        // Compared at the anchors' printed precision (4 significant digits): equal as printed is not worse.
        String verdict = Double.parseDouble(PyFormat.g(ours, 4)) <= optuna ? "ok" : "WORSE";
        if (row.strategy().equals("tpe") && !row.problem().equals("count_ones") && win < 80) {
            verdict += ", win% < 80";
        }
        return verdict;
    }
}
