package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/** Builds histories of trials for the TPE tests. */
final class Histories {

    static final List<Objective> MINIMIZE = List.of(new Objective("loss", "total", Sign.MIN));
    static final List<Objective> TWO = List.of(new Objective("a", "total", Sign.MIN), new Objective("b", "total", Sign.MIN));

    private final List<Trial> trials = new ArrayList<>();

    Histories completed(Map<String, Object> parameters, double... values) {
        trials.add(new Trial(trials.size(), parameters, TrialState.COMPLETED, values, new TreeMap<>(), null));
        return this;
    }

    Histories pending(Map<String, Object> parameters) {
        trials.add(new Trial(trials.size(), parameters, TrialState.PENDING, null, new TreeMap<>(), null));
        return this;
    }

    Histories failed(Map<String, Object> parameters) {
        trials.add(new Trial(trials.size(), parameters, TrialState.FAILED, null, new TreeMap<>(), null));
        return this;
    }

    Histories pruned(Map<String, Object> parameters, long lastIteration, double lastValue) {
        NavigableMap<Long, Double> intermediate = new TreeMap<>();
        for (long i = 1; i <= lastIteration; i++) {
            intermediate.put(i, lastValue + (lastIteration - i));
        }
        trials.add(new Trial(trials.size(), parameters, TrialState.PRUNED, null, intermediate, null));
        return this;
    }

    List<Trial> trials() {
        return List.copyOf(trials);
    }

    StrategyContext context(SearchSpace space, List<Objective> objectives, long seed) {
        return new StrategyContext(space, objectives, trials(), Map.of(), Seeds.forSuggestion(seed, trials.size()),
                new Budget(null, null, null, null));
    }
}
