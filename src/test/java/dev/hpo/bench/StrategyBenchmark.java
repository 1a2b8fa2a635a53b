package dev.hpo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The strategy benchmark of {@code bench/PROTOCOL.md}: runs the strategies in-process on the
 * protocol's problems and prints the quality, multi-fidelity and suggestion-cost tables in ANCHORS.md's layout,
 * with Optuna's numbers beside ours. Run it with {@code ./mvnw -q -Pbench test-compile exec:java}; options are
 * system properties ({@link BenchOptions}). Progress goes to stderr, tables to stdout and the results file.
 */
public final class StrategyBenchmark {

    private StrategyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options = BenchOptions.fromSystemProperties();
        Anchors anchors = Anchors.read(options.anchors());
        Problems problems = new Problems(options.dataDir());
        // A set: the same missing strategy is reported once, not once per problem.
        Set<String> notes = new LinkedHashSet<>();
        long start = System.nanoTime();
        StringBuilder report = new StringBuilder();
        try (SeedPool pool = new SeedPool(options.threads())) {
            if (options.runs("quality")) {
                List<QualityRow> rows = new QualityBenchmark(options, problems, pool, notes::add).run();
                section(report, QualityTable.format(rows, options.seeds(), options.trials()));
                section(report, Comparison.quality(rows, anchors, options.trials()));
                section(report, RankSummary.format(rows, anchors, options.trials()));
            }
            if (options.runs("mf")) {
                List<MultiFidelityBenchmark.Row> rows = new MultiFidelityBenchmark(options, pool, notes::add).run();
                section(report, MultiFidelityTable.format(rows, options.seeds()));
                section(report, MultiFidelityTable.comparison(rows, anchors));
            }
        }
        if (options.runs("cost")) {
            // After the pool is closed: timings must not share the two cores with benchmark threads.
            List<SuggestionCost.Row> rows = new SuggestionCost(options.costSizes(), notes::add).run(options.costRows());
            section(report, SuggestionCostTable.format(rows));
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        String header = "command: " + BenchOptions.command() + "\n"
                + "date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", wall " + PyFormat.f(minutes, 1)
                + " min, " + options.threads() + " seed threads, " + Runtime.getRuntime().availableProcessors() + " cores, load "
                + PyFormat.f(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 1)
                + " at the end (timings are only comparable at similar load)\n";
        String body = header + "\n" + report + (notes.isEmpty() ? "" : String.join("\n", notes) + "\n");
        System.out.print(body);
        if (options.out() != null) {
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), markdown(header, report.toString(), notes));
            System.err.println("written to " + options.out());
        }
    }

    private static void section(StringBuilder report, String table) {
        report.append("```\n").append(table).append("```\n\n");
    }

    private static String markdown(String header, String report, Set<String> notes) {
        StringBuilder md = new StringBuilder("# Strategy benchmark results\n\n");
        md.append("Definitions: `bench/PROTOCOL.md`. Optuna 3.1's numbers on the same definitions: ")
                .append("`bench/ANCHORS.md` (quoted beside ours in the comparison tables).\n\n");
        for (String line : header.split("\n")) {
            md.append("- ").append(line.replaceFirst("^command: (.*)$", "command: `$1`")).append('\n');
        }
        md.append('\n').append(report);
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }
}
