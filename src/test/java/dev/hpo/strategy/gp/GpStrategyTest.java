package dev.hpo.strategy.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

class GpStrategyTest {

    private static final SearchSpace SQUARE = new SearchSpace(List.of(
            new UniformRange("x", -5.0, 5.0, null, true), new UniformRange("y", -5.0, 5.0, null, true)));
    private static final Budget BUDGET = new Budget(null, null, 40, 1);

    private static double sphere(Map<String, Object> point) {
        double x = ((Number) point.get("x")).doubleValue() - 1;
        double y = ((Number) point.get("y")).doubleValue() + 2;
        return x * x + y * y;
    }

    @Test
    void rejectsSeveralObjectives() {
        List<Objective> two = List.of(new Objective("v", "loss", Sign.MIN), new Objective("v", "time", Sign.MIN));

        assertThatThrownBy(() -> new GpSpec().create(Map.of(), SQUARE, two, BUDGET))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("one objective");
    }

    @Test
    void closesInOnTheMinimumOfASmoothFunctionWithinThirtyExperiments() {
        SequentialRun run = new SequentialRun(new GpSpec(), Map.of(), SQUARE, BUDGET)
                .function(point -> new double[] {sphere(point)});

        SequentialRun.Result result = run.run(1, 30);

        double best = result.points().stream().mapToDouble(p -> sphere(p.parameters())).min().orElseThrow();
        // random search needs about 1 / (pi 0.01 / 100) = 3,000 draws to come this close
        assertThat(best).isLessThan(0.01);
    }

    @Test
    void spreadsConcurrentSuggestionsOverTheRunningExperiments() {
        SearchStrategy strategy = new GpSpec().create(Map.of(), SQUARE, SequentialRun.MINIMIZE_LOSS, BUDGET);
        List<Trial> trials = new ArrayList<>();
        var random = Seeds.forSuggestion(3, -1);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> point = SQUARE.sample(random);
            trials.add(new Trial(i, point, TrialState.COMPLETED, new double[] {sphere(point)}, new TreeMap<>(), null));
        }
        List<Map<String, Object>> batch = new ArrayList<>();
        Map<String, Object> state = Map.of();
        for (int slot = 0; slot < 4; slot++) {
            Suggestion.Point point = (Suggestion.Point) strategy.suggest(new StrategyContext(SQUARE,
                    SequentialRun.MINIMIZE_LOSS, List.copyOf(trials), state, Seeds.forSuggestion(3, trials.size()), BUDGET));
            state = point.state();
            batch.add(point.parameters());
            trials.add(new Trial(trials.size(), point.parameters(), TrialState.PENDING, null, new TreeMap<>(), null));
        }

        for (int a = 0; a < batch.size(); a++) {
            for (int b = 0; b < a; b++) {
                double dx = ((Number) batch.get(a).get("x")).doubleValue() - ((Number) batch.get(b).get("x")).doubleValue();
                double dy = ((Number) batch.get(a).get("y")).doubleValue() - ((Number) batch.get(b).get("y")).doubleValue();
                assertThat(Math.hypot(dx, dy)).as("slots %d and %d", a, b).isGreaterThan(1e-3);
            }
        }
    }

    @Test
    void usesUpASmallIntegerSpaceWithoutRepeatsAndThenSaysSo() {
        SearchSpace grid = new SearchSpace(List.of(new IntegerRange("a", 0, 2, 1, true), new IntegerRange("b", 0, 2, 1, true)));
        SequentialRun run = new SequentialRun(new GpSpec(), Map.of(), grid, BUDGET)
                .function(point -> new double[] {((Number) point.get("a")).doubleValue() + ((Number) point.get("b")).doubleValue()});

        SequentialRun.Result result = run.run(2, 12);

        assertThat(result.points()).hasSize(9);
        assertThat(result.points().stream().map(p -> grid.canonicalKey(p.parameters())).distinct()).hasSize(9);
        assertThat(result.suggestions().get(result.suggestions().size() - 1)).isInstanceOf(Suggestion.Exhausted.class);
    }

    @Test
    void modelsTheBestAndTheLatestExperimentsBeyondItsHistoryLimit() {
        Map<String, Object> settings = Map.of("maxHistory", 20, "startupTrials", 2);
        SequentialRun run = new SequentialRun(new GpSpec(), settings, SQUARE, BUDGET)
                .function(point -> new double[] {sphere(point)});

        SequentialRun.Result result = run.run(6, 40);

        assertThat(result.points()).hasSize(40);
        double best = result.points().stream().mapToDouble(p -> sphere(p.parameters())).min().orElseThrow();
        assertThat(best).isLessThan(0.1);
    }

    @Test
    void runsFewerCoordinateSearchesOnceTheModelledHistoryIsLong() {
        GpStrategy strategy = new GpStrategy(GpSettings.from(Map.of("localStarts", 4)), SQUARE);

        assertThat(strategy.localStarts(100)).isEqualTo(4);
        assertThat(strategy.localStarts(GpStrategy.FULL_SEARCH_HISTORY)).isEqualTo(4);
        assertThat(strategy.localStarts(300)).isEqualTo(2);
        assertThat(strategy.localStarts(5_000)).isEqualTo(1);
        assertThat(new GpStrategy(GpSettings.from(Map.of("localStarts", 0)), SQUARE).localStarts(300)).isZero();
    }
}
