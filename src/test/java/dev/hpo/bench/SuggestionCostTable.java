package dev.hpo.bench;

import java.util.List;

/** Prints the suggestion-cost table: one line per strategy and history size, milliseconds per suggestion. */
final class SuggestionCostTable {

    private SuggestionCostTable() {
    }

    static String format(List<SuggestionCost.Row> rows) {
        StringBuilder out = new StringBuilder("hpo-service, suggestion cost on a 10-parameter mixed space (random "
                + "history, warmed up; cpu = the calling thread's CPU time, which depends far less on the machine's load); bar: tpe "
                + "median < 5 ms at 1000, gp median < 50 ms at 300\n");
        out.append(String.format("%-12s %8s %10s %10s %10s %8s%n", "strategy", "history", "median ms", "p99 ms",
                "cpu ms", "calls"));
        for (SuggestionCost.Row row : rows) {
            for (SuggestionCost.Cost cost : row.costs()) {
                out.append(String.format("%-12s %8d %10s %10s %10s %8d%n", row.label(), cost.history(),
                        PyFormat.g(cost.medianMs(), 3), PyFormat.g(cost.p99Ms(), 3), PyFormat.g(cost.cpuMedianMs(), 3),
                        cost.samples()));
            }
        }
        return out.toString();
    }
}
