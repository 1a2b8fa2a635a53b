package dev.hpo.strategy.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.Budget;
import dev.hpo.strategy.InvalidStrategyException;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.Trial;
import dev.hpo.strategy.TrialState;
import dev.hpo.strategy.testing.SequentialRun;

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
}
