package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * A quick check of {@code hyperband} and {@code bohb} on the protocol's {@code lc_sim_mf} problem, run one
 * experiment at a time, until the benchmark's multi-fidelity table covers them. Not a unit test:
 * {@code java -cp target/test-classes:target/classes:<test classpath> [-Dlcsim.min=1]
 * dev.hpo.strategy.hyperband.LcSimMultiFidelityCheck} ({@code lcsim.min}: the study's minIterationPerJob).
 *
 * <p>Prints, per strategy, the median over seeds 0..19 of the regret (by the curve's {@code final}, minus 0.05)
 * of the best experiment (by its value at epoch 81) that ran all 81 epochs, after 10, 30 and 100 x 81 epochs.
 */
public final class LcSimMultiFidelityCheck {

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new LogUniformRange("lr", -5, -1, 10, null, true),
            new IntegerRange("log2_batch", 4, 9, 1, true),
            new UniformRange("dropout", 0, 0.9, null, true),
            new DiscreteValues("optimizer", List.of("sgd", "momentum", "adam")),
            new LogUniformRange("width", 4, 10, 2, null, true)));
    private static final List<Objective> OBJECTIVES = List.of(new Objective("loss", "loss", Sign.MIN));
    private static final Budget BUDGET = new Budget(Long.getLong("lcsim.min", 1L), 81L, null, 1);
    private static final int[] CHECKPOINTS = {10, 30, 100};

    private LcSimMultiFidelityCheck() {
    }

    public static void main(String[] args) {
        List<String> labels = List.of("hyperband", "bohb", "bohb(kde)", "hb(cons)", "bohb(cons)");
        List<StrategySpec> specs = List.of(new HyperbandSpec(), new BohbSpec(), new BohbSpec(), new HyperbandSpec(),
                new BohbSpec());
        List<Map<String, Object>> settings = List.of(Map.of(), Map.of(), Map.of("model", "kde"),
                Map.of("bracketOrder", "conservative"), Map.of("bracketOrder", "conservative"));
        System.out.println("minIterationPerJob " + BUDGET.minIterationPerJob() + ", maxIterationPerJob 81, eta 3, 20 seeds");
        System.out.println("strategy     @10x81    @30x81   @100x81  started");
        for (int row = 0; row < specs.size(); row++) {
            StrategySpec spec = specs.get(row);
            double[][] regrets = new double[CHECKPOINTS.length][20];
            int[] started = new int[20];
            for (int seed = 0; seed < 20; seed++) {
                started[seed] = run(spec.create(settings.get(row), SPACE, OBJECTIVES, BUDGET), seed, regrets);
            }
            StringBuilder line = new StringBuilder(String.format("%-10s", labels.get(row)));
            for (double[] checkpointRegrets : regrets) {
                line.append(String.format(" %9.4g", median(checkpointRegrets)));
            }
            System.out.println(line.append(String.format(" %8.0f", median(Arrays.stream(started).asDoubleStream().toArray()))));
        }
    }

    private static int run(SearchStrategy strategy, int seed, double[][] regrets) {
        List<Trial> trials = new ArrayList<>();
        Map<String, Object> state = Map.of();
        long epochs = 0;
        double bestObserved = Double.POSITIVE_INFINITY;
        double incumbentRegret = Double.NaN;
        int checkpoint = 0;
        while (checkpoint < CHECKPOINTS.length) {
            StrategyContext context = new StrategyContext(SPACE, OBJECTIVES, Collections.unmodifiableList(new ArrayList<>(trials)),
                    state, Seeds.forSuggestion(seed, trials.size()), BUDGET);
            Suggestion suggestion = strategy.suggest(context);
            if (suggestion.state() != null) {
                state = Studies.roundTrip(suggestion.state());
            }
            Suggestion.Point point = (Suggestion.Point) suggestion;
            long budget = point.maxIteration();
            // the checkpoint is passed before this experiment could end within it
            while (checkpoint < CHECKPOINTS.length && epochs + budget > CHECKPOINTS[checkpoint] * 81L) {
                regrets[checkpoint][seed] = incumbentRegret;
                checkpoint++;
            }
            epochs += budget;
            double observed = valueAt(point.parameters(), budget);
            if (budget == 81 && observed < bestObserved) {
                bestObserved = observed;
                incumbentRegret = finalValue(point.parameters()) - 0.05;
            }
            trials.add(new Trial(trials.size(), point.parameters(), TrialState.COMPLETED, new double[] {observed},
                    new TreeMap<>(), budget));
        }
        return trials.size();
    }

    private static double lrOptimum(Map<String, Object> p) {
        return switch ((String) p.get("optimizer")) {
            case "sgd" -> -1.5;
            case "momentum" -> -2.0;
            default -> -3.0;
        };
    }

    static double finalValue(Map<String, Object> p) {
        double u = Math.log10((Double) p.get("lr"));
        double lw = Math.log(Math.max(16, Math.min(1024, Math.round((Double) p.get("width"))))) / Math.log(2);
        double offset = switch ((String) p.get("optimizer")) {
            case "sgd" -> 0.03;
            case "momentum" -> 0.01;
            default -> 0.0;
        };
        double du = u - lrOptimum(p);
        double dd = (Double) p.get("dropout") - (0.1 + 0.4 * (lw - 4) / 6);
        double db = ((Number) p.get("log2_batch")).doubleValue() - 6;
        double dw = lw - 8;
        return 0.05 + offset + 0.06 * du * du + 0.3 * dd * dd + 0.01 * db * db / 4 + 0.02 * dw * dw / 16;
    }

    static double valueAt(Map<String, Object> p, long epoch) {
        double u = Math.log10((Double) p.get("lr"));
        double tau = 1 + 12 * Math.pow(10, 0.5 * (lrOptimum(p) - u));
        double f = finalValue(p);
        return f + (1 - f) * Math.exp(-epoch / tau);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
