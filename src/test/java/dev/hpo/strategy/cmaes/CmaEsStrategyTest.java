package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.TreeMap;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.TrialState;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;

class CmaEsStrategyTest {

    private static final SearchSpace CUBE = new SearchSpace(List.of(
            new UniformRange("x", -5, 5, null, true),
            new UniformRange("y", -5, 5, null, true),
            new UniformRange("z", -5, 5, null, true)));

    private static double quadratic(Map<String, Object> p) {
        double x = (Double) p.get("x") - 1.5;
        double y = (Double) p.get("y") + 2;
        double z = (Double) p.get("z") - 0.5;
        return x * x + 2 * y * y + 3 * z * z;
    }

    private static final List<Objective> MINIMIZE = List.of(new Objective("loss", "loss", Sign.MIN));

    /** The strategy run by the shared sequential driver, state through JSON; a NaN value makes the trial FAILED. */
    private static SequentialRun.Result run(SearchStrategy strategy, SearchSpace space, long seed, int experiments,
                                            ToDoubleFunction<Map<String, Object>> function) {
        return SequentialRun.of(strategy, space, MINIMIZE, new Budget(null, null, null, 1)).finalValuesOnly()
                .stateThroughJson().parametersAsSuggested().evaluation((number, point) -> {
                    double value = function.applyAsDouble(point);
                    return Double.isNaN(value) ? null : new double[] {value};
                }).run(seed, experiments);
    }

    private static double best(List<Trial> trials) {
        return trials.stream().mapToDouble(t -> t.values()[0]).min().orElseThrow();
    }

    private static SearchStrategy cmaes(Map<String, Object> settings, SearchSpace space) {
        return new CmaEsSpec().create(settings, space, MINIMIZE, new Budget(null, null, null, 1));
    }

    @Test
    void findsTheMinimumRegionOfAQuadraticIn3d() {
        // given CMA-ES on a 3-d quadratic with its minimum at (1.5, -2, 0.5)
        // when it runs 250 experiments
        List<Trial> trials = run(cmaes(Map.of(), CUBE), CUBE, 7, 250, CmaEsStrategyTest::quadratic).trials();
        // then the best point is close to the minimum, far closer than random search gets (about 0.5 at this budget)
        assertThat(best(trials)).isLessThan(1e-3);
    }

    @Test
    void rejectsASpaceWithoutNumericParameters() {
        SearchSpace discrete = new SearchSpace(List.of(new DiscreteValues("optimizer", List.of("sgd", "adam"))));
        assertThatThrownBy(() -> cmaes(Map.of(), discrete))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("at least one numeric parameter");
    }

    @Test
    void rejectsSeveralObjectives() {
        List<Objective> two = List.of(new Objective("a", "a", Sign.MIN), new Objective("b", "b", Sign.MIN));
        assertThatThrownBy(() -> new CmaEsSpec().create(Map.of(), CUBE, two, new Budget(null, null, null, 1)))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("one objective");
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> cmaes(Map.of("sigma0", 0), CUBE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("sigma0");
        assertThatThrownBy(() -> cmaes(Map.of("popsize", 1), CUBE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("popsize");
        assertThatThrownBy(() -> cmaes(Map.of("restarts", "bipop"), CUBE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("restarts");
        assertThatThrownBy(() -> cmaes(Map.of("withMargin", "yes"), CUBE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("withMargin");
    }

    @Test
    void samplesDiscreteParametersAtRandomBesideTheNumericOnes() {
        // given a mixed space: CMA-ES searches x, the optimizer is sampled at random
        SearchSpace mixed = new SearchSpace(List.of(new UniformRange("x", -5, 5, null, true),
                new DiscreteValues("optimizer", List.of("sgd", "momentum", "adam"))));
        List<Trial> trials = run(cmaes(Map.of(), mixed), mixed, 3, 60,
                p -> Math.abs((Double) p.get("x") - 1) + ("adam".equals(p.get("optimizer")) ? 0 : 1)).trials();
        // then every choice keeps coming, and x still converges
        assertThat(trials.subList(30, 60)).extracting(t -> t.parameters().get("optimizer"))
                .contains("sgd", "momentum", "adam");
        assertThat(trials.stream().mapToDouble(t -> Math.abs((Double) t.parameters().get("x") - 1)).min().orElseThrow())
                .isLessThan(0.05);
    }

    @Test
    void restartsWithADoubledPopulationWhenTheFitnessIsFlat() {
        // given a flat function: every value of the first generation is the same
        CmaEsStrategy strategy = (CmaEsStrategy) cmaes(Map.of("popsize", 5), CUBE);
        SequentialRun.Result run = run(strategy, CUBE, 1, 6, p -> 1.0);
        // then after the first generation of five, IPOP restarts with ten
        assertThat(((Number) run.state().get("restarts")).intValue()).isEqualTo(1);
        assertThat(((Number) run.state().get("popsize")).intValue()).isEqualTo(10);
    }

    @Test
    void keepsItsPopulationWithoutRestarts() {
        CmaEsStrategy strategy = (CmaEsStrategy) cmaes(Map.of("popsize", 5, "restarts", "none"), CUBE);
        SequentialRun.Result run = run(strategy, CUBE, 1, 12, p -> 1.0);
        assertThat(((Number) run.state().get("restarts")).intValue()).isZero();
        assertThat(((Number) run.state().get("popsize")).intValue()).isEqualTo(5);
    }

    @Test
    void replacesFailedMembersAndUpdatesOnlyWithAFullGeneration() {
        // given popsize 4 where every other experiment fails
        CmaEsStrategy strategy = (CmaEsStrategy) cmaes(Map.of("popsize", 4), CUBE);
        SequentialRun.Result run = run(strategy, CUBE, 2, 8,
                p -> Double.NaN);
        // then (all failed, no result) the first generation has not been updated: it is still generation 0
        @SuppressWarnings("unchecked")
        Map<String, Object> distribution = (Map<String, Object>) run.state().get("distribution");
        assertThat(((Number) distribution.get("generation")).intValue()).isZero();
        // and after successes the generation advances once four results are in
        SequentialRun.Result mixed = run(strategy, CUBE, 2, 9,
                p -> (Double) p.get("x") > 0 ? Double.NaN : 1 + (Double) p.get("y"));
        @SuppressWarnings("unchecked")
        Map<String, Object> later = (Map<String, Object>) mixed.state().get("distribution");
        assertThat(((Number) later.get("generation")).intValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void keepsSamplingTheCurrentGenerationWhileMoreThanPopsizeArePending() {
        // given popsize 4 and eight experiments in flight, none finished
        CmaEsStrategy strategy = (CmaEsStrategy) cmaes(Map.of("popsize", 4), CUBE);
        List<Trial> pending = new ArrayList<>();
        Map<String, Object> state = Map.of();
        for (int n = 0; n < 8; n++) {
            StrategyContext context = new StrategyContext(CUBE, MINIMIZE, List.copyOf(pending), state,
                    Seeds.forSuggestion(4, n), new Budget(null, null, null, 8));
            Suggestion suggestion = strategy.suggest(context);
            // then every answer is a new point of the same (first) generation
            assertThat(suggestion).isInstanceOf(Suggestion.Point.class);
            state = SequentialRun.roundTrip(suggestion.state());
            pending.add(new Trial(n, ((Suggestion.Point) suggestion).parameters(), TrialState.PENDING, null,
                    new TreeMap<>(), null));
        }
        assertThat((List<?>) state.get("members")).hasSize(8);
        assertThat(pending.stream().map(Trial::parameters).distinct()).hasSize(8);
    }

    @Test
    void keepsExploringAnIntegerWithTheMargin() {
        // given an integer k whose best value is 7 and a continuous x that keeps CMA-ES converging
        SearchSpace space = new SearchSpace(List.of(new IntegerRange("k", 0, 20, 1, true),
                new UniformRange("x", -1, 1, null, true)));
        List<Trial> trials = run(cmaes(Map.of("restarts", "none"), space), space, 8, 300,
                p -> Math.abs((Long) p.get("k") - 7) + ((Double) p.get("x")) * ((Double) p.get("x"))).trials();
        // then long after convergence, values beside the best integer are still tried (alpha = 1 / (n popsize))
        long others = trials.subList(200, 300).stream().filter(t -> (Long) t.parameters().get("k") != 7).count();
        assertThat(others).isGreaterThanOrEqualTo(2);
        assertThat(trials.subList(200, 300)).extracting(t -> t.parameters().get("k")).contains(7L);
    }

    @Test
    void neverRepeatsAPointOfAnIntegerSpaceWhileNewOnesRemain() {
        // given a space of 49 integer points and a bowl whose minimum CMA-ES soon narrows onto
        SearchSpace grid = new SearchSpace(List.of(new IntegerRange("k", 0, 6, 1, true),
                new IntegerRange("j", 0, 6, 1, true)));
        List<Trial> trials = run(cmaes(Map.of(), grid), grid, 4, 40,
                p -> Math.pow((Long) p.get("k") - 3, 2) + Math.pow((Long) p.get("j") - 3, 2)).trials();
        // then every one of the 40 experiments is a different point, and the minimum is among them
        assertThat(trials.stream().map(Trial::parameters).distinct()).hasSize(40);
        assertThat(best(trials)).isZero();
    }

    @Test
    void drawsAGenerationAsOneOrthogonalBatchAndSavesWhatIsLeft() {
        // given popsize 4 in 3 dimensions: one suggestion into the first generation
        CmaEsStrategy strategy = (CmaEsStrategy) cmaes(Map.of("popsize", 4), CUBE);
        SequentialRun.Result run = run(strategy, CUBE, 6, 1, CmaEsStrategyTest::quadratic);
        // then the state keeps the batch's other three normal vectors, orthogonal to the first member's step
        List<?> draws = (List<?>) run.state().get("draws");
        assertThat(draws).hasSize(3);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) run.state().get("members")).get(0);
        double[] x = StateValues.vector(first.get("x"));
        for (Object z : draws.subList(0, 2)) {
            double[] v = StateValues.vector(z);
            // sigma0 C = I / 36 at the start, so the step x - 0.5 is z / 6
            double dot = 0;
            for (int i = 0; i < 3; i++) {
                dot += (x[i] - 0.5) * 6 * v[i];
            }
            assertThat(dot).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void startsAShortStudyWithASmallerPopulation() {
        // given a 3-d space (Hansen's default population 7) and a study of 100 experiments
        SearchStrategy strategy = new CmaEsSpec().create(Map.of(), CUBE, MINIMIZE,
                new Budget(null, null, 100, 1));
        Map<String, Object> state = ((Suggestion.Point) strategy.suggest(new StrategyContext(CUBE,
                MINIMIZE, List.of(), Map.of(), Seeds.forSuggestion(1, 0), new Budget(null, null, 100, 1))))
                .state();
        // then the first run has 100 / 20 = 5 members per generation
        assertThat(((Number) state.get("popsize")).intValue()).isEqualTo(5);
    }
}
