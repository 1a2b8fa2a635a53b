package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * A private measuring aid (not a test): milliseconds for one tpe suggestion with n finished experiments on a
 * 10-parameter mixed space. Args: history sizes (default 100,1000,10000), then settings as key=value.
 */
public final class TpeCost {

    public static void main(String[] args) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parameters.add(new UniformRange("u" + i, 0, 1, null, true));
        }
        parameters.add(new IntegerRange("i0", 1, 64, 1, true));
        parameters.add(new IntegerRange("i1", 0, 1000, 10, true));
        parameters.add(new LogUniformRange("l0", -5, -1, 10, null, true));
        parameters.add(new LogUniformRange("l1", 4, 10, 2, null, true));
        parameters.add(new DiscreteValues("d0", List.of("a", "b", "c")));
        parameters.add(new DiscreteValues("d1", List.of(1L, 2L, 4L, 8L, 16L)));
        SearchSpace space = new SearchSpace(parameters);
        String sizes = args.length > 0 ? args[0] : "100,1000,10000";
        boolean multivariate = args.length > 1 && args[1].equals("mv");
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size);
            List<Trial> trials = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, Object> point = space.sample(Seeds.forSuggestion(99, i));
                double loss = 0;
                for (int u = 0; u < 4; u++) {
                    loss += Math.pow(((Number) point.get("u" + u)).doubleValue() - 0.3, 2);
                }
                trials.add(new Trial(i, point, TrialState.COMPLETED, new double[] {loss}, new TreeMap<>(), null));
            }
            SearchStrategy strategy = new TpeSpec().create(Map.of("multivariate", multivariate), space,
                    TpeEvaluation.OBJECTIVES, null);
            int repeats = n >= 10000 ? 30 : 200;
            double[] millis = new double[repeats];
            double[] cpu = new double[repeats];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = -Integer.getInteger("warmup", 200); r < repeats; r++) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                strategy.suggest(new StrategyContext(space, TpeEvaluation.OBJECTIVES, trials, Map.of(),
                        Seeds.forSuggestion(r + 1000, n), new Budget(null, null, null, null)));
                if (r >= 0) {
                    millis[r] = (System.nanoTime() - t0) / 1e6;
                    cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
            Arrays.sort(millis);
            Arrays.sort(cpu);
            int p99 = (int) Math.min(repeats - 1, Math.ceil(repeats * 0.99) - 1);
            System.out.printf("%s n=%d wall median %.2f ms, p99 %.2f ms; thread cpu median %.2f ms, p99 %.2f ms%n",
                    multivariate ? "tpe_mv" : "tpe", n, millis[repeats / 2], millis[p99], cpu[repeats / 2], cpu[p99]);
        }
    }
}
