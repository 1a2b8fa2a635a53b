package dev.hpo.bench;

import java.util.List;

/** Prints the multi-fidelity table in ANCHORS.md's layout, then Optuna's rows and the bar. */
final class MultiFidelityTable {

    private MultiFidelityTable() {
    }

    static String format(List<MultiFidelityBenchmark.Row> rows, int seeds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("hpo-service, lc_sim_mf, %d seeds; regret (by final value) of the best experiment"
                + " that ran all 81 epochs%n", seeds));
        out.append(header());
        for (MultiFidelityBenchmark.Row row : rows) {
            double[] values = new double[MultiFidelityBenchmark.UNITS.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = Stats.median(MultiFidelityBenchmark.regrets(row, i));
            }
            out.append(line(row.label(), values,
                    Stats.median(row.runs().stream().mapToDouble(MultiFidelityResult::started).toArray()),
                    Stats.median(row.runs().stream().mapToDouble(MultiFidelityResult::seconds).toArray())));
        }
        return out.toString();
    }

    /** The anchors' rows, and whether bohb or tpe+asha at 30x81 reach full-budget random search at 100x81. */
    static String comparison(List<MultiFidelityBenchmark.Row> rows, Anchors anchors) {
        StringBuilder out = new StringBuilder("optuna 3.1 (ANCHORS.md), same measure\n").append(header());
        anchors.multiFidelity().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                out.append(line(e.getKey(), new double[] {e.getValue()[0], e.getValue()[1], e.getValue()[2]},
                        e.getValue()[3], e.getValue()[4])));
        Double random100 = medianAt(rows, "random+none", 2);
        if (random100 != null) {
            out.append(String.format("bar: bohb or tpe+asha @30x81 <= our random+none @100x81 = %s%n",
                    PyFormat.g(random100, 4)));
            for (String label : List.of("bohb", "tpe+asha")) {
                Double at30 = medianAt(rows, label, 1);
                if (at30 != null) {
                    out.append(String.format("  %-10s @30x81 = %-9s %s%n", label, PyFormat.g(at30, 4),
                            at30 <= random100 ? "ok" : "WORSE"));
                }
            }
        }
        return out.toString();
    }

    private static Double medianAt(List<MultiFidelityBenchmark.Row> rows, String label, int checkpoint) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst()
                .map(r -> Stats.median(MultiFidelityBenchmark.regrets(r, checkpoint))).orElse(null);
    }

    private static String header() {
        return String.format("%-12s %-18s %9s %9s %9s %8s %6s%n", "problem", "strategy", "@10x81", "@30x81",
                "@100x81", "started", "s/run");
    }

    private static String line(String label, double[] values, double started, double seconds) {
        return String.format("%-12s %-18s %9s %9s %9s %8s %6s%n", "lc_sim_mf", label, PyFormat.g(values[0], 4),
                PyFormat.g(values[1], 4), PyFormat.g(values[2], 4), PyFormat.f(started, 0), PyFormat.f(seconds, 2));
    }
}
