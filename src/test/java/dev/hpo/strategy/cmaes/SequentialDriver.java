package dev.hpo.strategy.cmaes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.apache.commons.rng.simple.RandomSource;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.Budget;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.Trial;
import dev.hpo.strategy.TrialState;

/** Runs a strategy one experiment at a time against a function, as the study loop would. */
final class SequentialDriver {

    static final List<Objective> MINIMIZE = List.of(new Objective("loss", "loss", Sign.MIN));

    private SequentialDriver() {
    }

    static List<Trial> run(SearchStrategy strategy, SearchSpace space, long seed, int experiments,
                           ToDoubleFunction<Map<String, Object>> function) {
        List<Trial> trials = new ArrayList<>();
        Map<String, Object> state = Map.of();
        for (int n = 0; n < experiments; n++) {
            StrategyContext context = new StrategyContext(space, MINIMIZE, Collections.unmodifiableList(trials), state,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 1_000_003L + n), new Budget(null, null, null, 1));
            Suggestion.Point point = (Suggestion.Point) strategy.suggest(context);
            if (point.state() != null) {
                state = point.state();
            }
            double value = function.applyAsDouble(point.parameters());
            trials.add(new Trial(n, point.parameters(), TrialState.COMPLETED, new double[] {value}, new TreeMap<>(),
                    point.maxIteration()));
        }
        return trials;
    }

    static double best(List<Trial> trials) {
        return trials.stream().mapToDouble(t -> t.values()[0]).min().orElseThrow();
    }
}
