package dev.hpo.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * The contract every strategy passes (see {@link SearchStrategy}): extend it, give the spec and, if needed,
 * settings, space, budget or objectives, and add the strategy's own cases beside.
 *
 * <p>Checked: same seed and history give the same suggestions; every point is held by the space and has a
 * budget within the study's; a run restarted before every suggestion (fresh instance, state through JSON) equals
 * an uninterrupted one; no point repeats unless {@link #allowsRepeats()}; failed, pruned and pending experiments
 * in the history are handled; an unknown setting is rejected; the points are not all the same and (unless
 * {@link #searchesForGoodPoints()} is false) reach the good region of a smooth function; and a sequential
 * run never answers {@link Suggestion.Wait} while nothing is pending; and a strategy that does not say it reads
 * intermediate values ({@link StrategySpec#readsIntermediateValues}) suggests the same without them.
 */
public abstract class StrategyContractTest {

    /** The strategy under test. */
    protected abstract StrategySpec spec();

    /** Its settings for every test here (valid ones). */
    protected Map<String, Object> settings() {
        return Map.of();
    }

    /** The space searched; by default {@link #mixedSpace()}. */
    protected SearchSpace space() {
        return mixedSpace();
    }

    /** The study's limits: iterations 1 to 27, one experiment at a time. */
    protected Budget budget() {
        return new Budget(1L, 27L, null, 1);
    }

    /** The study's objectives; by default one loss to minimize. */
    protected List<Objective> objectives() {
        return SequentialRun.MINIMIZE_LOSS;
    }

    /** True for a strategy that may suggest a point again with the same budget (say why in the override). */
    protected boolean allowsRepeats() {
        return false;
    }

    /**
     * False for a strategy that ignores results by design (grid order), which skips
     * {@link #findsTheGoodRegionOfASmoothFunction}.
     */
    protected boolean searchesForGoodPoints() {
        return true;
    }

    /** Suggestions in each sequential run. */
    protected int runLength() {
        return 30;
    }

    /** The run the tests share; override to change the test function for several objectives. */
    protected SequentialRun sequentialRun() {
        return new SequentialRun(spec(), settings(), space(), budget()).objectives(objectives());
    }

    /** One parameter of each of the five kinds, with a conditional parameter inside the set. */
    public static SearchSpace mixedSpace() {
        Map<String, Object> sgd = new LinkedHashMap<>();
        sgd.put("optimizer", "sgd");
        sgd.put("momentum", new UniformRange("momentum", 0.0, 0.9, 0.1, true));
        Map<String, Object> adam = new LinkedHashMap<>();
        adam.put("optimizer", "adam");
        return new SearchSpace(List.of(
                new UniformRange("x", -5.0, 5.0, null, true),
                new IntegerRange("layers", 1, 8, 1, true),
                new LogUniformRange("lr", -4.0, -1.0, 10.0, null, true),
                new DiscreteValues("activation", List.of("relu", "tanh", "gelu")),
                new ParameterSet("optimizer_choice", List.of(sgd, adam))));
    }

    @Test
    void sameSeedAndHistoryGiveTheSameSuggestions() {
        SequentialRun run = sequentialRun();

        assertThat(run.run(7, runLength()).trace()).isEqualTo(run.run(7, runLength()).trace());
    }

    @Test
    void suggestsOnlyPointsTheSpaceHoldsWithinTheBudget() {
        SequentialRun.Result result = sequentialRun().run(11, runLength());

        assertThat(result.points()).isNotEmpty();
        for (Suggestion.Point point : result.points()) {
            assertThat(space().holds(point.parameters())).as("held: %s", point.parameters()).isTrue();
            assertBudgetWithinStudy(point);
        }
    }

    @Test
    void resumesExactlyAfterARestartBeforeEverySuggestion() {
        SequentialRun run = sequentialRun();

        assertThat(run.resumed(23, runLength()).trace()).isEqualTo(run.run(23, runLength()).trace());
    }

    @Test
    void neverRepeatsAPointWithTheSameBudget() {
        if (allowsRepeats()) {
            return;
        }
        SequentialRun.Result result = sequentialRun().run(5, runLength());

        Set<String> seen = new HashSet<>();
        for (Suggestion.Point point : result.points()) {
            String key = space().canonicalKey(point.parameters()) + " @ " + point.maxIteration();
            assertThat(seen.add(key)).as("repeated: %s", key).isTrue();
        }
    }

    @Test
    void handlesFailedPrunedAndPendingExperiments() {
        List<Trial> trials = new ArrayList<>();
        TrialState[] states = {TrialState.COMPLETED, TrialState.FAILED, TrialState.PENDING, TrialState.PRUNED,
                TrialState.COMPLETED, TrialState.PRUNED, TrialState.FAILED, TrialState.COMPLETED};
        UniformRandomProvider random = Seeds.forSuggestion(99, -1);
        for (TrialState state : states) {
            trials.add(historyTrial(trials.size(), SequentialRun.roundTrip(space().sample(random)), state));
        }

        suggestSeveral(trials, 6);
    }

    /**
     * The loop loads intermediate values for a strategy only when {@link StrategySpec#readsIntermediateValues} says
     * it reads them, so one that says no must suggest the same whether they are there or not.
     */
    @Test
    void ignoresIntermediateValuesUnlessItSaysItReadsThem() {
        if (spec().readsIntermediateValues()) {
            return;
        }
        List<Trial> withCurves = new ArrayList<>();
        TrialState[] states = {TrialState.COMPLETED, TrialState.PRUNED, TrialState.COMPLETED, TrialState.FAILED,
                TrialState.COMPLETED, TrialState.PRUNED, TrialState.COMPLETED, TrialState.PENDING};
        UniformRandomProvider random = Seeds.forSuggestion(97, -1);
        for (TrialState state : states) {
            withCurves.add(historyTrial(withCurves.size(), SequentialRun.roundTrip(space().sample(random)), state));
        }
        List<Trial> withoutCurves = withCurves.stream().map(t -> new Trial(t.number(), t.parameters(), t.state(),
                t.values(), new TreeMap<>(), t.maxIteration())).toList();
        SearchStrategy strategy = spec().create(settings(), space(), objectives(), budget());

        Suggestion with = strategy.suggest(new StrategyContext(space(), objectives(), withCurves, Map.of(),
                Seeds.forSuggestion(31, withCurves.size()), budget()));
        Suggestion without = strategy.suggest(new StrategyContext(space(), objectives(), withoutCurves, Map.of(),
                Seeds.forSuggestion(31, withoutCurves.size()), budget()));

        assertThat(with).usingRecursiveComparison().isEqualTo(without);
    }

    @Test
    void handlesAHistoryOfOnlyFailedExperiments() {
        List<Trial> trials = new ArrayList<>();
        UniformRandomProvider random = Seeds.forSuggestion(98, -1);
        for (int i = 0; i < 12; i++) {
            trials.add(historyTrial(i, SequentialRun.roundTrip(space().sample(random)), TrialState.FAILED));
        }

        suggestSeveral(trials, 3);
    }

    @Test
    void rejectsAnUnknownSetting() {
        Map<String, Object> settings = new HashMap<>(settings());
        settings.put("noSuchSetting", 1);

        assertThatThrownBy(() -> spec().create(settings, space(), objectives(), budget()))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("noSuchSetting");
    }

    @Test
    void exploresMoreThanOnePoint() {
        SequentialRun.Result result = sequentialRun().run(3, runLength());

        Set<String> distinct = new HashSet<>();
        result.points().forEach(point -> distinct.add(space().canonicalKey(point.parameters())));
        assertThat(distinct).hasSizeGreaterThan(1);
    }

    @Test
    void findsTheGoodRegionOfASmoothFunction() {
        if (!searchesForGoodPoints()) {
            return;
        }
        // x^2 + y^2 over [-5, 5]^2: 60 uniform draws all miss the disc of radius 2 with probability 3e-4, so any
        // strategy that explores at least as well as random search passes, whatever its seed.
        SearchSpace square = new SearchSpace(List.of(
                new UniformRange("x", -5.0, 5.0, null, true), new UniformRange("y", -5.0, 5.0, null, true)));
        SequentialRun run = new SequentialRun(spec(), settings(), square, budget())
                .objectives(SequentialRun.MINIMIZE_LOSS).function(point -> new double[] {sphere(point)});

        SequentialRun.Result result = run.run(29, 60);

        double best = result.points().stream().mapToDouble(point -> sphere(point.parameters())).min().orElseThrow();
        assertThat(best).isLessThan(4.0);
    }

    private static double sphere(Map<String, Object> point) {
        double x = ((Number) point.get("x")).doubleValue();
        double y = ((Number) point.get("y")).doubleValue();
        return x * x + y * y;
    }

    @Test
    void neverWaitsWhileNothingIsPending() {
        SequentialRun.Result result = sequentialRun().run(13, runLength());

        assertThat(result.suggestions()).noneMatch(Suggestion.Wait.class::isInstance);
    }

    @Test
    void documentsEverySetting() {
        assertThat(spec().name()).isNotBlank();
        assertThat(spec().description()).isNotBlank();
        assertThat(spec().settings()).allSatisfy(setting -> {
            assertThat(setting.description()).as(setting.name()).isNotBlank();
            assertThat(setting.type()).isIn("integer", "number", "boolean", "string");
        });
    }

    /**
     * Asks for {@code count} suggestions, adding each point to the history as pending (concurrent slots); each
     * point must be new unless {@link #allowsRepeats()}.
     */
    private void suggestSeveral(List<Trial> trials, int count) {
        SearchStrategy strategy = spec().create(settings(), space(), objectives(), budget());
        Map<String, Object> state = Map.of();
        for (int call = 0; call < count; call++) {
            StrategyContext context = new StrategyContext(space(), objectives(), List.copyOf(trials), state,
                    Seeds.forSuggestion(17, trials.size()), budget());
            Suggestion suggestion = strategy.suggest(context);
            assertThat(suggestion).isNotNull();
            if (suggestion.state() != null) {
                state = SequentialRun.roundTrip(suggestion.state());
            }
            if (suggestion instanceof Suggestion.Point point) {
                assertThat(space().holds(point.parameters())).as("held: %s", point.parameters()).isTrue();
                assertBudgetWithinStudy(point);
                if (!allowsRepeats()) {
                    // Pending experiments must not all get the same point (the concurrent-slots case).
                    String key = space().canonicalKey(point.parameters()) + " @ " + point.maxIteration();
                    assertThat(trials).extracting(trial -> space().canonicalKey(trial.parameters()) + " @ "
                            + trial.maxIteration()).as("suggested again").doesNotContain(key);
                }
                trials.add(new Trial(trials.size(), SequentialRun.roundTrip(point.parameters()), TrialState.PENDING,
                        null, new TreeMap<>(), point.maxIteration()));
            }
        }
    }

    private Trial historyTrial(int number, Map<String, Object> parameters, TrialState state) {
        double value = SequentialRun.smoothLoss(parameters);
        TreeMap<Long, Double> intermediate = new TreeMap<>();
        long last = switch (state) {
            case COMPLETED -> budget().maxIterationPerJob() == null ? 1 : budget().maxIterationPerJob();
            case PRUNED, PENDING -> 1;
            case FAILED -> 0;
        };
        for (long i = 1; i <= last; i++) {
            intermediate.put(i, value + 1.0 / i);
        }
        // One pruned trial keeps the values it reached, the other has none, as the Trial javadoc allows.
        boolean hasValues = state == TrialState.COMPLETED || (state == TrialState.PRUNED && number % 2 == 1);
        double[] values = null;
        if (hasValues) {
            values = new double[objectives().size()];
            Arrays.fill(values, intermediate.lastEntry().getValue());
        }
        return new Trial(number, parameters, state, values, intermediate, null);
    }

    private void assertBudgetWithinStudy(Suggestion.Point point) {
        if (point.maxIteration() == null) {
            return;
        }
        assertThat(point.maxIteration()).isPositive();
        if (budget().maxIterationPerJob() != null) {
            assertThat(point.maxIteration()).isLessThanOrEqualTo(budget().maxIterationPerJob());
        }
    }
}
