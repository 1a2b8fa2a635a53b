package dev.hpo.strategy.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one sequential strategy driver of the tests and the strategy benchmark: a study run one experiment at a time,
 * in memory, as the study loop would run it with one slot: build the context ({@link Seeds#forSuggestion} for the
 * generator, as the loop seeds it), ask for a suggestion, keep the returned state, evaluate the point at once and
 * append it as a completed trial. Parameters pass through JSON before they enter the history, as they do through
 * the database. The run ends at {@code suggestions} calls or at the first {@link Suggestion.Wait} or
 * {@link Suggestion.Exhausted}.
 *
 * <p>By default the trial's intermediate values follow a learning curve that reaches the function's value at the
 * study's {@code maxIterationPerJob} ({@code value + 1/i - 1/max} at iterations {@code 1..budget}), so
 * multi-fidelity strategies see cheaper, noisier evaluations at smaller budgets; {@link #finalValuesOnly()} keeps
 * the function's values as they are, with no intermediate values. {@link #stateThroughJson()} passes the saved state
 * through JSON after every suggestion, as the loop's {@code jsonb} column does; {@link #parametersAsSuggested()}
 * keeps the parameters' Java number types.
 */
public final class SequentialRun {

    /** The mapper the tests use for JSON round trips: plain Jackson defaults, like the database's jsonb columns. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A single objective {@code validation/loss} to minimize. */
    public static final List<Objective> MINIMIZE_LOSS = List.of(new Objective("validation", "loss", Sign.MIN));

    /** The objective values of trial {@code number} at {@code parameters} (one per objective); null: FAILED. */
    public interface Evaluation {
        double[] values(int number, Map<String, Object> parameters);
    }

    private final Function<List<Objective>, SearchStrategy> strategies;
    private final boolean freshInstances;
    private final SearchSpace space;
    private final Budget budget;
    private List<Objective> objectives = MINIMIZE_LOSS;
    private Evaluation evaluation = (number, point) -> new double[] {smoothLoss(point)};
    private boolean curves = true;
    private boolean stateThroughJson;
    private boolean parametersThroughJson = true;

    /** Runs of {@code spec} with {@code settings}; a fresh instance for every run (and every call of a resumed one). */
    public SequentialRun(StrategySpec spec, Map<String, Object> settings, SearchSpace space, Budget budget) {
        this(objectives -> spec.create(settings, space, objectives, budget), true, space, budget);
    }

    private SequentialRun(Function<List<Objective>, SearchStrategy> strategies, boolean freshInstances,
                          SearchSpace space, Budget budget) {
        this.strategies = strategies;
        this.freshInstances = freshInstances;
        this.space = space;
        this.budget = budget;
    }

    /**
     * Runs of a strategy the caller made for {@code objectives} (its settings already applied); {@link #resumed}
     * needs a spec and is refused.
     */
    public static SequentialRun of(SearchStrategy strategy, SearchSpace space, List<Objective> objectives,
                                   Budget budget) {
        return new SequentialRun(given -> {
            if (given != objectives) {
                throw new IllegalStateException("the strategy was made for other objectives");
            }
            return strategy;
        }, false, space, budget).objectives(objectives);
    }

    /** The trials keep the function's values as they are, with no intermediate values (no learning curve). */
    public SequentialRun finalValuesOnly() {
        this.curves = false;
        return this;
    }

    /** The saved state passes through JSON after every suggestion, as through the loop's database column. */
    public SequentialRun stateThroughJson() {
        this.stateThroughJson = true;
        return this;
    }

    /**
     * The trials keep the suggested parameters as the strategy made them (number types included), not read back from
     * JSON.
     */
    public SequentialRun parametersAsSuggested() {
        this.parametersThroughJson = false;
        return this;
    }

    /** The objective values of each trial from its number and parameters; null makes that trial FAILED. */
    public SequentialRun evaluation(Evaluation evaluation) {
        this.evaluation = evaluation;
        return this;
    }

    /** Objectives other than {@link #MINIMIZE_LOSS}; give a function with one value per objective. */
    public SequentialRun objectives(List<Objective> objectives) {
        this.objectives = objectives;
        return this;
    }

    /** The raw objective values of a point (one per objective); null makes that trial FAILED. */
    public SequentialRun function(Function<Map<String, Object>, double[]> function) {
        this.evaluation = (number, point) -> function.apply(point);
        return this;
    }

    /** One strategy instance for the whole run, its state kept in memory. */
    public Result run(long seed, int suggestions) {
        return run(seed, suggestions, false);
    }

    /**
     * As after a restart before every suggestion: a fresh strategy instance each call, and the state read back
     * from its JSON text.
     */
    public Result resumed(long seed, int suggestions) {
        if (!freshInstances) {
            throw new IllegalStateException("a resumed run needs a fresh strategy instance per call: build it from a spec");
        }
        return run(seed, suggestions, true);
    }

    private Result run(long seed, int count, boolean restartEachTime) {
        SearchStrategy strategy = strategies.apply(objectives);
        List<Trial> trials = new ArrayList<>();
        List<Suggestion> suggestions = new ArrayList<>();
        Map<String, Object> state = Map.of();
        for (int call = 0; call < count; call++) {
            if (restartEachTime) {
                strategy = strategies.apply(objectives);
                state = roundTrip(state);
            }
            StrategyContext context = new StrategyContext(space, objectives, List.copyOf(trials), state,
                    Seeds.forSuggestion(seed, trials.size()), budget);
            Suggestion suggestion = strategy.suggest(context);
            suggestions.add(suggestion);
            if (suggestion.state() != null) {
                state = stateThroughJson ? roundTrip(suggestion.state()) : suggestion.state();
            }
            if (!(suggestion instanceof Suggestion.Point point)) {
                break;
            }
            Map<String, Object> parameters = parametersThroughJson ? roundTrip(point.parameters())
                    : Collections.unmodifiableMap(new LinkedHashMap<>(point.parameters()));
            trials.add(evaluate(trials.size(), parameters, point.maxIteration()));
        }
        return new Result(suggestions, trials, state);
    }

    private Trial evaluate(int number, Map<String, Object> parameters, Long maxIteration) {
        double[] values = evaluation.values(number, parameters);
        if (values == null) {
            return new Trial(number, parameters, TrialState.FAILED, null, new TreeMap<>(), maxIteration);
        }
        if (!curves) {
            return new Trial(number, parameters, TrialState.COMPLETED, values.clone(), new TreeMap<>(), maxIteration);
        }
        long full = budget != null && budget.maxIterationPerJob() != null ? budget.maxIterationPerJob() : 1;
        long iterations = maxIteration != null ? maxIteration : full;
        TreeMap<Long, Double> intermediate = new TreeMap<>();
        for (long i = 1; i <= iterations; i++) {
            intermediate.put(i, values[0] + 1.0 / i - 1.0 / full);
        }
        double[] finals = values.clone();
        finals[0] = intermediate.lastEntry().getValue();
        return new Trial(number, parameters, TrialState.COMPLETED, finals, intermediate, maxIteration);
    }

    /** A value written to JSON text and read back, as the database stores it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> roundTrip(Map<String, Object> value) {
        if (value == null || value.isEmpty()) {
            return Map.of();
        }
        return JSON.readValue(JSON.writeValueAsString(value), LinkedHashMap.class);
    }

    /**
     * A smooth test function of any point: numbers add {@code (asinh(v) - 0.5)^2}, strings and booleans a fixed
     * penalty from their text. Minimum near {@code v = 0.52} on every numeric dimension.
     */
    public static double smoothLoss(Map<String, Object> point) {
        double loss = 0;
        for (Object value : point.values()) {
            if (value instanceof Number number) {
                double shifted = Math.log(number.doubleValue() + Math.hypot(number.doubleValue(), 1)) - 0.5;
                loss += shifted * shifted;
            } else {
                loss += (Math.floorMod(String.valueOf(value).hashCode(), 4)) * 0.25;
            }
        }
        return loss;
    }

    /**
     * What a run produced.
     *
     * @param suggestions every answer, in order; the last is a Wait or Exhausted if the run ended early
     * @param trials      the history built from the points
     * @param state       the strategy state after the last call
     */
    public record Result(List<Suggestion> suggestions, List<Trial> trials, Map<String, Object> state) {

        /** Each answer as comparable text: the point as JSON with its budget, or the kind and reason. */
        public List<String> trace() {
            List<String> trace = new ArrayList<>();
            for (Suggestion suggestion : suggestions) {
                if (suggestion instanceof Suggestion.Point point) {
                    trace.add(JSON.writeValueAsString(point.parameters()) + " @ " + point.maxIteration());
                } else if (suggestion instanceof Suggestion.Exhausted exhausted) {
                    trace.add("exhausted: " + exhausted.reason());
                } else {
                    trace.add("wait");
                }
            }
            return trace;
        }

        /** The suggested points, in order. */
        public List<Suggestion.Point> points() {
            return suggestions.stream().filter(Suggestion.Point.class::isInstance).map(Suggestion.Point.class::cast)
                    .toList();
        }
    }
}
