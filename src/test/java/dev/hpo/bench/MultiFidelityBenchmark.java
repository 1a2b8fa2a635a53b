package dev.hpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.hpo.stopping.StoppingRule;
import dev.hpo.stopping.StoppingRuleSpec;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;

/** The multi-fidelity measure: each row (strategy + stopping rule) on {@code lc_sim_mf} for each seed. */
final class MultiFidelityBenchmark {

    /** Budgets the table reports, in full-experiment units of 81 epochs. */
    static final int[] UNITS = {10, 30, 100};

    private final BenchOptions options;
    private final SeedPool pool;
    private final Consumer<String> notes;

    MultiFidelityBenchmark(BenchOptions options, SeedPool pool, Consumer<String> notes) {
        this.options = options;
        this.pool = pool;
        this.notes = notes;
    }

    record Row(String label, List<MultiFidelityResult> runs) {
    }

    List<Row> run() {
        long[] checkpoints = new long[UNITS.length];
        for (int i = 0; i < UNITS.length; i++) {
            checkpoints[i] = UNITS[i] * MultiFidelityRun.EPOCHS;
        }
        List<Row> rows = new ArrayList<>();
        for (MultiFidelityRow row : options.mfRows()) {
            Optional<StrategySpec> strategy = Catalogs.strategy(row.strategy().strategy());
            Optional<StoppingRuleSpec> rule = row.rule() == null ? Optional.empty()
                    : Catalogs.stopping(row.rule().strategy());
            if (strategy.isEmpty() || (row.rule() != null && rule.isEmpty())) {
                notes.accept("note: " + (strategy.isEmpty() ? "strategy '" + row.strategy().strategy() + "'"
                        : "stopping rule '" + row.rule().strategy() + "'") + " is not in the catalog; row "
                        + row.label() + " skipped");
                continue;
            }
            try {
                createStrategy(strategy.get(), row);
                createRule(rule, row);
            } catch (IllegalArgumentException rejected) {
                notes.accept("note: " + row.label() + " on lc_sim_mf rejected: " + rejected.getMessage());
                continue;
            }
            List<MultiFidelityResult> runs = pool.forSeeds(options.seeds(), seed -> MultiFidelityRun.run(
                    createStrategy(strategy.get(), row), createRule(rule, row), seed, checkpoints));
            runs.stream().map(MultiFidelityResult::note).filter(n -> n != null).distinct().limit(3)
                    .forEach(n -> notes.accept("note: " + row.label() + " on lc_sim_mf: " + n));
            Row done = new Row(row.label(), runs);
            rows.add(done);
            System.err.printf("  lc_sim_mf %s: @100x81 %s, started %s (%.1f s/run)%n", row.label(),
                    PyFormat.g(Stats.median(regrets(done, UNITS.length - 1)), 4),
                    PyFormat.f(Stats.median(runs.stream().mapToDouble(MultiFidelityResult::started).toArray()), 0),
                    Stats.median(runs.stream().mapToDouble(MultiFidelityResult::seconds).toArray()));
        }
        return rows;
    }

    static double[] regrets(Row row, int checkpoint) {
        return row.runs().stream().mapToDouble(r -> r.regrets()[checkpoint]).toArray();
    }

    private static SearchStrategy createStrategy(StrategySpec spec, MultiFidelityRow row) {
        return spec.create(row.strategy().settings(), LearningCurve.SPACE, RegretRun.OBJECTIVES,
                MultiFidelityRun.BUDGET);
    }

    private static StoppingRule createRule(Optional<StoppingRuleSpec> spec, MultiFidelityRow row) {
        return spec.map(s -> s.create(row.rule().settings(), MultiFidelityRun.BUDGET)).orElse(null);
    }
}
