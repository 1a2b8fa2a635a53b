package dev.hpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;

/** The protocol's main measure: every selected strategy row on every selected problem, for each seed. */
final class QualityBenchmark {

    private final BenchOptions options;
    private final Problems problems;
    private final SeedPool pool;
    private final Consumer<String> notes;

    QualityBenchmark(BenchOptions options, Problems problems, SeedPool pool, Consumer<String> notes) {
        this.options = options;
        this.problems = problems;
        this.pool = pool;
        this.notes = notes;
    }

    /** Rows in problem order, then strategy order; random search first on each problem. */
    List<QualityRow> run() {
        List<StrategyRow> rows = new ArrayList<>();
        rows.add(StrategyRow.parse("random"));
        options.strategies().stream().filter(r -> !r.label().equals("random")).forEach(rows::add);
        List<QualityRow> table = new ArrayList<>();
        for (String problemName : options.problems()) {
            Problem problem = problems.get(problemName);
            List<RunResult> random = null;
            for (StrategyRow row : rows) {
                Optional<List<RunResult>> runs = runRow(problem, row);
                if (runs.isEmpty()) {
                    continue;
                }
                random = random == null ? runs.get() : random;
                QualityRow line = new QualityRow(problemName, row.label(), runs.get(), random);
                table.add(line);
                System.err.printf("  %s %s: med@%d %s (%.1f s/run)%n", problemName, row.label(), options.trials(),
                        PyFormat.g(line.medianAfter(options.trials()), 4), line.medianSeconds());
            }
        }
        return table;
    }

    private Optional<List<RunResult>> runRow(Problem problem, StrategyRow row) {
        Optional<StrategySpec> spec = Catalogs.strategy(row.strategy());
        if (spec.isEmpty()) {
            notes.accept("note: strategy '" + row.strategy() + "' is not in the catalog; row " + row.label() + " skipped");
            return Optional.empty();
        }
        try {
            create(spec.get(), row, problem);
        } catch (IllegalArgumentException rejected) {
            notes.accept("note: " + row.label() + " on " + problem.name() + " rejected: " + rejected.getMessage());
            return Optional.empty();
        }
        List<RunResult> runs = pool.forSeeds(options.seeds(),
                seed -> RegretRun.run(problem, create(spec.get(), row, problem), seed, options.trials()));
        runs.stream().map(RunResult::note).filter(n -> n != null).distinct().limit(3)
                .forEach(n -> notes.accept("note: " + row.label() + " on " + problem.name() + ": " + n));
        return Optional.of(runs);
    }

    /** A fresh instance per seed, so a strategy that wrongly caches between calls cannot mix seeds. */
    private SearchStrategy create(StrategySpec spec, StrategyRow row, Problem problem) {
        return spec.create(row.settings(), problem.space(), RegretRun.OBJECTIVES,
                RegretRun.budget(options.trials()));
    }
}
