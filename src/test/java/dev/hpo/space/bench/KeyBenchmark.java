package dev.hpo.space.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.random.RandomStrategySpec;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * Not a test: prints what de-duplication costs. Run from the worktree after {@code ./mvnw -q -o test-compile}:
 * {@code java -cp target/classes:target/test-classes:<test classpath> dev.hpo.space.bench.KeyBenchmark}.
 *
 * <p>Prints the cost of {@link SearchSpace#canonicalKey}, {@link SearchSpace#pointId} and {@link SearchSpace#holds}
 * per point, and the median time of one {@code random} suggestion with 1,000 and 10,000 finished trials in the
 * history, on a typical space (stepped and continuous reals, log scales, integers, a categorical choice and a
 * parameter set); then the key cost on a space of stepped ranges only, whose values print short. Printing doubles
 * of full precision dominates a key on the typical space, which is why de-duplication uses ids.
 */
public final class KeyBenchmark {

    private static final Budget NO_LIMITS = new Budget(null, null, null, null);

    private KeyBenchmark() {
    }

    public static SearchSpace typicalSpace() {
        Map<String, Object> cnn = new LinkedHashMap<>();
        cnn.put("arch", "cnn");
        cnn.put("layers", new IntegerRange("layers", 1, 8, 1, true));
        Map<String, Object> mlp = new LinkedHashMap<>();
        mlp.put("arch", "mlp");
        mlp.put("width", new DiscreteValues("width", List.of(64, 128, 256, 512)));
        mlp.put("dropout", new UniformRange("dropout", 0.0, 0.5, 0.05, false));
        return new SearchSpace(List.of(
                new LogUniformRange("lr", -5, -1, 10, null, true),
                new UniformRange("momentum", 0.8, 0.99, 0.01, true),
                new LogUniformRange("weight_decay", -6, -2, 10, 0.5, true),
                new UniformRange("warmup", 0, 0.2, null, false),
                new IntegerRange("batch", 16, 512, 16, true),
                new DiscreteValues("optimizer", List.of("sgd", "adam", "adamw", "rmsprop")),
                new ParameterSet("model", List.of(cnn, mlp))));
    }

    public static void main(String[] args) {
        SearchSpace space = typicalSpace();
        UniformRandomProvider random = Seeds.forSuggestion(42, 0);
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            points.add(space.sample(random));
        }
        System.out.printf("canonicalKey: %.0f ns/point (median of 20 rounds over 10,000 points)%n",
                perPoint(points, p -> space.canonicalKey(p).length()));
        System.out.printf("pointId:      %.0f ns/point%n", perPoint(points, p -> space.pointId(p).hashCode()));
        System.out.printf("holds:        %.0f ns/point%n", perPoint(points, p -> space.holds(p) ? 1 : 0));
        SearchSpace stepped = new SearchSpace(List.of(
                new UniformRange("lr", 0.01, 0.3, 0.005, true),
                new UniformRange("momentum", 0.8, 0.99, 0.01, true),
                new IntegerRange("batch", 16, 512, 16, true),
                new DiscreteValues("optimizer", List.of("sgd", "adam", "adamw", "rmsprop"))));
        List<Map<String, Object>> steppedPoints = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            steppedPoints.add(stepped.sample(random));
        }
        System.out.printf("canonicalKey, stepped space: %.0f ns/point%n",
                perPoint(steppedPoints, p -> stepped.canonicalKey(p).length()));
        for (int trials : new int[] {1_000, 10_000}) {
            double[] millis = suggestMillis(space, points, trials);
            System.out.printf("random suggest, %,d trials: median %.3f ms (CPU %.3f ms)%n", trials, millis[0], millis[1]);
        }
    }

    private interface Work {
        int apply(Map<String, Object> point);
    }

    private static double perPoint(List<Map<String, Object>> points, Work work) {
        double[] rounds = new double[20];
        long sink = 0;
        for (int round = -10; round < rounds.length; round++) {
            long start = System.nanoTime();
            for (Map<String, Object> point : points) {
                sink += work.apply(point);
            }
            if (round >= 0) {
                rounds[round] = (System.nanoTime() - start) / (double) points.size();
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return median(rounds);
    }

    /** Median wall-clock and CPU milliseconds of one suggestion (CPU time is steadier on a shared machine). */
    private static double[] suggestMillis(SearchSpace space, List<Map<String, Object>> points, int count) {
        List<Trial> history = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            history.add(new Trial(i, points.get(i), TrialState.COMPLETED, new double[] {i}, new TreeMap<>(), null));
        }
        SearchStrategy strategy = new RandomStrategySpec().create(Map.of(), space, SequentialRun.MINIMIZE_LOSS, NO_LIMITS);
        double[] runs = new double[60];
        double[] cpu = new double[runs.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = -20; run < runs.length; run++) {
            StrategyContext context = new StrategyContext(space, SequentialRun.MINIMIZE_LOSS, history, Map.of(),
                    Seeds.forSuggestion(7, count + Math.max(run, 0)), NO_LIMITS);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            strategy.suggest(context);
            if (run >= 0) {
                runs[run] = (System.nanoTime() - start) / 1e6;
                cpu[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
        }
        return new double[] {median(runs), median(cpu)};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
