package dev.hpo.strategy.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

class GridStrategyTest extends StrategyContractTest {

    private static final Budget NO_LIMITS = new Budget(null, null, null, null);

    private static final SearchSpace SIX_POINTS = new SearchSpace(List.of(
            new IntegerRange("a", 0, 2, 1, true),
            new DiscreteValues("b", List.of("x", "y"))));

    @Override
    protected StrategySpec spec() {
        return new GridStrategySpec();
    }

    /** Grid order ignores results: its first 60 points of a 101 x 101 grid all share the first coordinate. */
    @Override
    protected boolean searchesForGoodPoints() {
        return false;
    }

    @Test
    void enumeratesTheGridInOrderThenIsExhausted() {
        SequentialRun.Result result = new SequentialRun(spec(), Map.of(), SIX_POINTS, NO_LIMITS).run(1, 10);

        assertThat(result.points()).extracting(Suggestion.Point::parameters).containsExactly(
                Map.of("a", 0L, "b", "x"), Map.of("a", 0L, "b", "y"),
                Map.of("a", 1L, "b", "x"), Map.of("a", 1L, "b", "y"),
                Map.of("a", 2L, "b", "x"), Map.of("a", 2L, "b", "y"));
        assertThat(result.suggestions()).hasSize(7).last().isEqualTo(
                new Suggestion.Exhausted("grid of 6 points enumerated", null));
    }

    @Test
    void continuesAfterTheHistoryWhateverTheStatesOfEarlierExperiments() {
        SearchStrategy grid = spec().create(Map.of(), SIX_POINTS, SequentialRun.MINIMIZE_LOSS, NO_LIMITS);
        List<Trial> trials = new ArrayList<>();
        trials.add(new Trial(0, SIX_POINTS.gridPoint(0), TrialState.FAILED, null, new TreeMap<>(), null));
        trials.add(new Trial(1, SIX_POINTS.gridPoint(1), TrialState.PENDING, null, new TreeMap<>(), null));

        Suggestion next = grid.suggest(new StrategyContext(SIX_POINTS, SequentialRun.MINIMIZE_LOSS, trials, Map.of(),
                Seeds.forSuggestion(1, 2), NO_LIMITS));

        assertThat(next).isEqualTo(new Suggestion.Point(SIX_POINTS.gridPoint(2)));
    }

    @Test
    void rejectsAGridTooLargeToEnumerateWhenCreated() {
        SearchSpace huge = new SearchSpace(List.of(
                new UniformRange("a", 0, 1, null, true), new UniformRange("b", 0, 1, null, true),
                new UniformRange("c", 0, 1, null, true), new UniformRange("d", 0, 1, null, true)));

        assertThatThrownBy(() -> spec().create(Map.of(), huge, SequentialRun.MINIMIZE_LOSS, NO_LIMITS))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("exceeds the limit of " + SearchSpace.MAX_GRID_SIZE);
    }

    @Test
    void takesNoSettings() {
        assertThatThrownBy(() -> spec().create(Map.of("order", "random"), SIX_POINTS, SequentialRun.MINIMIZE_LOSS,
                NO_LIMITS))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'grid': unknown setting 'order' (it takes no settings)");
    }

    private static Map<String, Object> combination(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Set grid: a=1, then a=0,1,2,3 (1 again); times b: 10 grid points, 8 distinct. */
    private static final SearchSpace OVERLAPPING = new SearchSpace(List.of(
            new ParameterSet(null, List.of(combination("a", 1), combination("a", new IntegerRange("a", 0, 3, 1, true)))),
            new DiscreteValues("b", List.of("x", "y"))));

    @Test
    void skipsGridPointsThatRepeatAnEarlierOne() {
        SequentialRun.Result result = new SequentialRun(spec(), Map.of(), OVERLAPPING, NO_LIMITS).run(1, 12);

        assertThat(OVERLAPPING.gridSize()).isEqualTo(10);
        assertThat(result.points()).extracting(Suggestion.Point::parameters).containsExactly(
                Map.of("a", 1L, "b", "x"), Map.of("a", 1L, "b", "y"),
                Map.of("a", 0L, "b", "x"), Map.of("a", 0L, "b", "y"),
                Map.of("a", 2L, "b", "x"), Map.of("a", 2L, "b", "y"),
                Map.of("a", 3L, "b", "x"), Map.of("a", 3L, "b", "y"));
        assertThat(result.suggestions()).hasSize(9).last().isEqualTo(
                new Suggestion.Exhausted("grid of 8 points enumerated", null));
    }

    @Test
    void skippingDependsOnlyOnTheNumberOfEarlierExperiments() {
        SearchStrategy grid = spec().create(Map.of(), OVERLAPPING, SequentialRun.MINIMIZE_LOSS, NO_LIMITS);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trials.add(new Trial(i, Map.of("a", 9L, "b", "z"), TrialState.FAILED, null, new TreeMap<>(), null));
        }

        Suggestion next = grid.suggest(new StrategyContext(OVERLAPPING, SequentialRun.MINIMIZE_LOSS, trials, Map.of(),
                Seeds.forSuggestion(1, 4), NO_LIMITS));

        assertThat(next).isEqualTo(new Suggestion.Point(Map.of("a", 2L, "b", "x")));
    }

    @Test
    void suggestsTheFirstOccurrencesOfTheGridInGridOrder() {
        List<SearchSpace> spaces = List.of(OVERLAPPING,
                new SearchSpace(List.of(
                        new DiscreteValues("c", List.of(1, 2)),
                        new ParameterSet("s", List.of(
                                combination("u", new UniformRange("u", 0, 1, 0.25, true)),
                                combination("u", 0.5, "v", "w"),
                                combination("u", new UniformRange("u", 0, 1, 0.5, true)),
                                combination("u", 0.5))))),
                // neighbouring steps of 10 at 1e17 round onto the same doubles (spacing 16)
                new SearchSpace(List.of(new UniformRange("big", 1e17, 1e17 + 160, 10.0, true),
                        new DiscreteValues("d", List.of(true, false)))));
        for (SearchSpace space : spaces) {
            List<Map<String, Object>> firsts = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (long i = 0; i < space.gridSize(); i++) {
                if (seen.add(space.canonicalKey(space.gridPoint(i)))) {
                    firsts.add(space.gridPoint(i));
                }
            }

            SequentialRun.Result result = new SequentialRun(spec(), Map.of(), space, NO_LIMITS).run(1, firsts.size() + 2);

            assertThat(firsts.size()).as("%s repeats points", space).isLessThan((int) space.gridSize());
            assertThat(result.points()).extracting(Suggestion.Point::parameters).isEqualTo(firsts);
            assertThat(result.suggestions().get(firsts.size())).isInstanceOf(Suggestion.Exhausted.class);
        }
    }
}
