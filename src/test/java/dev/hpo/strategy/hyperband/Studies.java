package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.rng.simple.RandomSource;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import tools.jackson.databind.json.JsonMapper;

/** A study's history as the loop keeps it: trials, saved state, and the suggestion it asks for next. */
final class Studies {

    static final List<Objective> MINIMIZE = List.of(new Objective("loss", "loss", Sign.MIN));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final SearchSpace space;
    final SearchStrategy strategy;
    final Budget budget;
    final long seed;
    final List<Trial> trials = new ArrayList<>();
    Map<String, Object> state = Map.of();
    boolean jsonRoundTrip;

    Studies(SearchSpace space, SearchStrategy strategy, Budget budget, long seed) {
        this.space = space;
        this.strategy = strategy;
        this.budget = budget;
        this.seed = seed;
    }

    /** Asks for one suggestion; a point becomes a pending trial and its state is saved. */
    Suggestion ask() {
        StrategyContext context = new StrategyContext(space, MINIMIZE, Collections.unmodifiableList(new ArrayList<>(trials)),
                state, RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 1_000_003L + trials.size()), budget);
        Suggestion suggestion = strategy.suggest(context);
        if (suggestion instanceof Suggestion.Point point) {
            trials.add(new Trial(trials.size(), point.parameters(), TrialState.PENDING, null, new TreeMap<>(),
                    point.maxIteration()));
        }
        if (suggestion.state() != null) {
            state = jsonRoundTrip ? roundTrip(suggestion.state()) : suggestion.state();
        }
        return suggestion;
    }

    void complete(int number, double value) {
        Trial t = trials.get(number);
        trials.set(number, new Trial(number, t.parameters(), TrialState.COMPLETED, new double[] {value},
                new TreeMap<>(), t.maxIteration()));
    }

    void fail(int number) {
        Trial t = trials.get(number);
        trials.set(number, new Trial(number, t.parameters(), TrialState.FAILED, null, new TreeMap<>(), t.maxIteration()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> roundTrip(Map<String, Object> state) {
        return JSON.readValue(JSON.writeValueAsString(state), Map.class);
    }
}
