package dev.hpo.strategy.cmaes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;


import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/** Runs a strategy one experiment at a time against a function, as the study loop would (state through JSON). */
final class SequentialDriver {

    static final List<Objective> MINIMIZE = List.of(new Objective("loss", "loss", Sign.MIN));

    private SequentialDriver() {
    }

    /** The history and the last saved state of a run. */
    record Run(List<Trial> trials, Map<String, Object> state) {
    }

    static List<Trial> run(SearchStrategy strategy, SearchSpace space, long seed, int experiments,
                           ToDoubleFunction<Map<String, Object>> function) {
        return runWithState(strategy, space, seed, experiments, function).trials();
    }

    /** As {@link #run}; a NaN value makes the trial FAILED, and the state passes through JSON each time. */
    static Run runWithState(SearchStrategy strategy, SearchSpace space, long seed, int experiments,
                            ToDoubleFunction<Map<String, Object>> function) {
        List<Trial> trials = new ArrayList<>();
        Map<String, Object> state = Map.of();
        for (int n = 0; n < experiments; n++) {
            StrategyContext context = new StrategyContext(space, MINIMIZE, Collections.unmodifiableList(trials), state,
                    Seeds.forSuggestion(seed, n), new Budget(null, null, null, 1));
            Suggestion.Point point = (Suggestion.Point) strategy.suggest(context);
            if (point.state() != null) {
                state = SequentialRun.roundTrip(point.state());
            }
            double value = function.applyAsDouble(point.parameters());
            boolean failed = Double.isNaN(value);
            trials.add(new Trial(n, point.parameters(), failed ? TrialState.FAILED : TrialState.COMPLETED,
                    failed ? null : new double[] {value}, new TreeMap<>(), point.maxIteration()));
        }
        return new Run(trials, state);
    }

    static double best(List<Trial> trials) {
        return trials.stream().mapToDouble(t -> t.values()[0]).min().orElseThrow();
    }
}
