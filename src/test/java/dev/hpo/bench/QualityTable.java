package dev.hpo.bench;

import java.util.List;

/** Prints the quality table in ANCHORS.md's layout, column for column. */
final class QualityTable {

    static final int[] CHECKPOINTS = {25, 50, 100};

    private QualityTable() {
    }

    static String format(List<QualityRow> rows, int seeds, int trials) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("hpo-service, %d seeds, %d trials; regret = true value of the incumbent (best observed)"
                + " minus the optimum%n", seeds, trials));
        out.append(String.format("%-26s %-8s %9s %9s %9s %21s %8s %6s%n", "problem", "strategy",
                "med@" + at(25, trials), "med@" + at(50, trials), "med@" + at(100, trials), "IQR@" + at(100, trials),
                "win%vsRS", "s/run"));
        for (QualityRow row : rows) {
            int last = at(100, trials);
            out.append(String.format("%-26s %-8s %9s %9s %9s [%9s,%9s] %8s %6s%n", row.problem(), row.strategy(),
                    PyFormat.g(row.medianAfter(at(25, trials)), 4), PyFormat.g(row.medianAfter(at(50, trials)), 4),
                    PyFormat.g(row.medianAfter(last), 4), PyFormat.g(row.quantileAfter(last, 0.25), 3),
                    PyFormat.g(row.quantileAfter(last, 0.75), 3), PyFormat.f(row.winPercent(last), 0),
                    PyFormat.f(row.medianSeconds(), 2)));
        }
        return out.toString();
    }

    /**
     * The checkpoint: 25, 50 and 100 experiments, or a quarter, half and all of a run shorter than 100 (so the three
     * columns stay distinct; clamping them to the run's length printed {@code med@30} twice for 30 trials).
     */
    static int at(int checkpoint, int trials) {
        return trials >= 100 ? checkpoint : Math.max(1, checkpoint * trials / 100);
    }
}
