package dev.hpo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * Runs one strategy on one problem, one experiment at a time, building each {@link StrategyContext} as the
 * study loop does: every earlier experiment in creation order (all finished, so {@code COMPLETED} with the raw
 * observation), the state saved with the previous suggestion (through JSON), and the generator for suggestion
 * number {@code trials.size()}.
 */
final class SequentialRun {

    static final Objective OBJECTIVE = new Objective("objective", "value", Sign.MIN);
    static final List<Objective> OBJECTIVES = List.of(OBJECTIVE);

    private SequentialRun() {
    }

    static Budget budget(int experiments) {
        return new Budget(null, null, experiments, 1);
    }

    static RunResult run(Problem problem, SearchStrategy strategy, long seed, int experiments) {
        long start = System.nanoTime();
        double[] regrets = new double[experiments];
        Arrays.fill(regrets, Double.NaN);
        List<Trial> trials = new ArrayList<>();
        Map<String, Object> state = Map.of();
        Budget budget = budget(experiments);
        double bestObserved = Double.POSITIVE_INFINITY;
        double incumbentRegret = Double.NaN;
        String note = null;
        for (int n = 0; n < experiments; n++) {
            StrategyContext context = new StrategyContext(problem.space(), OBJECTIVES,
                    Collections.unmodifiableList(new ArrayList<>(trials)), state,
                    Seeds.forSuggestion(seed, trials.size()), budget);
            Suggestion suggestion = strategy.suggest(context);
            if (suggestion.state() != null) {
                state = StateCodec.roundTrip(suggestion.state());
            }
            if (suggestion instanceof Suggestion.Exhausted exhausted) {
                note = "exhausted after " + n + ": " + exhausted.reason();
                Arrays.fill(regrets, n, experiments, incumbentRegret);
                break;
            }
            if (!(suggestion instanceof Suggestion.Point point)) {
                throw new IllegalStateException("strategy answered Wait with no experiment running (suggestion " + n + ")");
            }
            double observed = problem.evaluate(point.parameters(), n, seed);
            if (observed < bestObserved) {
                bestObserved = observed;
                incumbentRegret = problem.trueValue(point.parameters()) - problem.optimum();
            }
            regrets[n] = incumbentRegret;
            Map<String, Object> parameters = Collections.unmodifiableMap(new LinkedHashMap<>(point.parameters()));
            trials.add(new Trial(n, parameters, TrialState.COMPLETED, new double[] {observed},
                    Collections.unmodifiableNavigableMap(new TreeMap<>()), point.maxIteration()));
        }
        return new RunResult(regrets, (System.nanoTime() - start) / 1e9, note);
    }
}
