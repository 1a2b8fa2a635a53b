package dev.hpo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * Milliseconds for one suggestion with 100, 1,000 and 10,000 finished experiments in the history, on a
 * 10-parameter mixed space (4 uniform, 2 log-uniform, 2 integer, 2 categorical) with random points and values.
 * Each history size is warmed up first; every timed call gets its own generator so no result is cached. Runs on
 * one thread, with nothing else of the benchmark running.
 */
final class SuggestionCost {

    static final SearchSpace SPACE = new SearchSpace(List.of(
            Ranges.uniform("u0", 0, 1), Ranges.uniform("u1", -5, 5), Ranges.uniform("u2", 0, 100),
            Ranges.uniform("u3", -1, 1), Ranges.logUniform("lr", -5, -1, 10), Ranges.logUniform("wd", -6, -2, 10),
            Ranges.integer("layers", 1, 8), Ranges.integer("units", 16, 512),
            Ranges.discrete("optimizer", "sgd", "momentum", "adam", "adamw"), Ranges.discrete("activation", "relu", "tanh", "gelu")));
    static final Budget BUDGET = new Budget(1L, 81L, null, 1);

    private final List<Integer> sizes;
    private final Consumer<String> notes;

    SuggestionCost(List<Integer> sizes, Consumer<String> notes) {
        this.sizes = sizes;
        this.notes = notes;
    }

    /**
     * Median and p99 wall milliseconds at one history size, and the median CPU milliseconds of the calling thread
     * ({@code ThreadMXBean.getCurrentThreadCpuTime}): on a shared machine the wall time grows with the load, the
     * thread's own CPU time far less, so it is the figure to compare between runs at different loads.
     */
    record Cost(int history, double medianMs, double p99Ms, double cpuMedianMs, int samples) {
    }

    record Row(String label, List<Cost> costs) {
    }

    List<Row> run(List<StrategyRow> rows) {
        Map<Integer, List<Trial>> histories = new TreeMap<>();
        for (int size : sizes) {
            histories.put(size, history(size));
        }
        List<Row> table = new ArrayList<>();
        for (StrategyRow row : rows) {
            Optional<StrategySpec> spec = Catalogs.strategy(row.strategy());
            if (spec.isEmpty()) {
                notes.accept("note: strategy '" + row.strategy() + "' is not in the catalog; cost row " + row.label()
                        + " skipped");
                continue;
            }
            try {
                SearchStrategy strategy = spec.get().create(row.settings(), SPACE, RegretRun.OBJECTIVES, BUDGET);
                List<Cost> costs = new ArrayList<>();
                for (int size : sizes) {
                    costs.add(measure(strategy, histories.get(size)));
                }
                table.add(new Row(row.label(), costs));
                System.err.printf("  cost %s: %s%n", row.label(), costs);
            } catch (RuntimeException failed) {
                notes.accept("note: cost row " + row.label() + " failed on the mixed space: " + failed.getMessage());
            }
        }
        return table;
    }

    private static Cost measure(SearchStrategy strategy, List<Trial> trials) {
        int n = trials.size();
        // Fewer calls on long histories keep the section to a few minutes even for a slow strategy.
        int samples = n <= 100 ? 200 : n <= 1000 ? 100 : 30;
        int warmUp = n <= 1000 ? 20 : 5;
        double[] ms = new double[samples];
        double[] cpuMs = new double[samples];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = -warmUp; i < samples; i++) {
            StrategyContext context = new StrategyContext(SPACE, RegretRun.OBJECTIVES, trials, Map.of(),
                    Seeds.forSuggestion(1000L + i + warmUp, n), BUDGET);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            strategy.suggest(context);
            long elapsed = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            if (i >= 0) {
                ms[i] = elapsed / 1e6;
                cpuMs[i] = cpu / 1e6;
            }
        }
        return new Cost(n, Stats.median(ms), Stats.quantile(ms, 0.99), Stats.median(cpuMs), samples);
    }

    /** {@code size} finished experiments at random points with random values, as one fixed seed gives them. */
    static List<Trial> history(int size) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        List<Trial> trials = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            trials.add(new Trial(i, SPACE.sample(random), TrialState.COMPLETED, new double[] {random.nextDouble()},
                    Collections.emptyNavigableMap(), null));
        }
        return Collections.unmodifiableList(trials);
    }
}
