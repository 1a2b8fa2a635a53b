package dev.hpo.strategy.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

class HyperbandStrategyTest {

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new UniformRange("x", 0, 1, null, true), new UniformRange("y", 0, 1, null, true)));
    private static final Budget ONE_TO_NINE = new Budget(1L, 9L, null, 4);

    private static SearchStrategy hyperband(Map<String, Object> settings) {
        return new HyperbandSpec().create(settings, SPACE, Studies.MINIMIZE, ONE_TO_NINE);
    }

    private static Studies study(Map<String, Object> settings) {
        return new Studies(SPACE, hyperband(settings), ONE_TO_NINE, 3);
    }

    @Test
    void launchesTheFirstRungAtTheSmallestBudget() {
        // given min 1, max 9, eta 3: the first bracket has 9, 3, 1 configurations at 1, 3, 9 iterations
        Studies study = study(Map.of());
        // when nine suggestions are made
        for (int i = 0; i < 9; i++) {
            Suggestion.Point point = (Suggestion.Point) study.ask();
            // then each is a new configuration at budget 1
            assertThat(point.maxIteration()).isEqualTo(1L);
        }
        assertThat(study.trials.stream().map(t -> t.parameters()).distinct()).hasSize(9);
    }

    @Test
    void conservativeOrderStartsWithTheBracketOfFullBudgets() {
        // given min 1, max 9, eta 3 and the conservative order: the first bracket runs 3 configurations at 9
        Studies study = study(Map.of("bracketOrder", "conservative"));
        // when three suggestions are made
        for (int i = 0; i < 3; i++) {
            Suggestion.Point point = (Suggestion.Point) study.ask();
            // then each is a new configuration at the full budget
            assertThat(point.maxIteration()).isEqualTo(9L);
        }
        // and with those running, the next bracket (5 configurations at 3, then 1 at 9) starts at budget 3
        assertThat(((Suggestion.Point) study.ask()).maxIteration()).isEqualTo(3L);
    }

    /** Four completed full-budget experiments whose curves cross at iteration 3: the best at 9 is third there. */
    private static void addCrossingCurves(Studies study) {
        double[] at3 = {0.5, 0.6, 0.7, 0.8};
        double[] at9 = {0.4, 0.3, 0.1, 0.2};
        for (int i = 0; i < 4; i++) {
            TreeMap<Long, Double> curve = new TreeMap<>();
            for (long iteration = 1; iteration <= 9; iteration++) {
                curve.put(iteration, iteration <= 3 ? at3[i] : at9[i]);
            }
            study.trials.add(new Trial(i, Map.of("x", 0.1 * i, "y", 0.5), TrialState.COMPLETED, new double[] {at9[i]},
                    curve, 9L));
        }
    }

    @Test
    void skipsBracketsWhoseCutsTheFullCurvesContradict() {
        // given full curves that cross at iterations 1 and 3, so the best full experiment would not survive a cut
        Studies study = study(Map.of());
        addCrossingCurves(study);
        // when the next bracket starts, then the brackets cutting at 1 and at 3 are skipped: it runs at 9
        assertThat(((Suggestion.Point) study.ask()).maxIteration()).isEqualTo(9L);
        assertThat(study.state).containsEntry("started", 1).containsEntry("position", 3);
    }

    @Test
    void runsEveryBracketWhenSkippingIsOff() {
        // given the same crossing curves, with skipMisleadingBrackets off
        Studies study = study(Map.of("skipMisleadingBrackets", false));
        addCrossingCurves(study);
        // then Hyperband's most aggressive bracket starts, at budget 1
        assertThat(((Suggestion.Point) study.ask()).maxIteration()).isEqualTo(1L);
    }

    @Test
    void resumesAStateSavedBeforeBracketsCouldBeSkippedAtItsStartedCount() {
        // given a state with two brackets started and no position (saved by an earlier version)
        HyperbandState state = HyperbandState.fromMap(Map.of("started", 2, "brackets", List.of()));
        // then the next bracket is the third of the order
        assertThat(state.position).isEqualTo(2);
    }

    @Test
    void rejectsAnUnknownBracketOrder() {
        assertThatThrownBy(() -> hyperband(Map.of("bracketOrder", "random")))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("bracketOrder");
    }

    @Test
    void waitsWhenTheRungWaitsAndNoOtherBracketMayStart() {
        // given a single bracket whose first rung is launched and still running
        Studies study = study(Map.of("brackets", 1));
        for (int i = 0; i < 9; i++) {
            study.ask();
        }
        // when another suggestion is asked for, then the strategy waits
        assertThat(study.ask()).isInstanceOf(Suggestion.Wait.class);
    }

    @Test
    void startsTheNextBracketInParallelWhenTheRungWaits() {
        Studies study = study(Map.of());
        for (int i = 0; i < 9; i++) {
            study.ask();
        }
        // when the first rung is running and a slot is free, the second bracket (3 configurations at 3) starts
        Suggestion.Point point = (Suggestion.Point) study.ask();
        assertThat(point.maxIteration()).isEqualTo(3L);
        assertThat(point.parameters()).isNotIn(study.trials.subList(0, 9).stream().map(t -> t.parameters()).toList());
    }

    @Test
    void promotesTheBestConfigurationsWithTheSameParametersAndALargerBudget() {
        // given the first rung finished with losses 0.9, 0.8, ... 0.1 (trial 8 is best)
        Studies study = study(Map.of());
        for (int i = 0; i < 9; i++) {
            study.ask();
        }
        for (int i = 0; i < 9; i++) {
            study.complete(i, (9 - i) / 10.0);
        }
        // when three more suggestions are made
        List<Suggestion.Point> promoted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            promoted.add((Suggestion.Point) study.ask());
        }
        // then they rerun trials 8, 7, 6 at budget 3
        assertThat(promoted).extracting(Suggestion.Point::maxIteration).containsOnly(3L);
        assertThat(promoted).extracting(Suggestion.Point::parameters).containsExactly(
                study.trials.get(8).parameters(), study.trials.get(7).parameters(), study.trials.get(6).parameters());
    }

    @Test
    void neverPromotesFailedExperiments() {
        Studies study = study(Map.of("brackets", 1));
        for (int i = 0; i < 9; i++) {
            study.ask();
        }
        for (int i = 0; i < 9; i++) {
            if (i < 7) {
                study.fail(i);
            } else {
                study.complete(i, i);
            }
        }
        // only two completed: both promoted, then the bracket waits
        Suggestion.Point first = (Suggestion.Point) study.ask();
        Suggestion.Point second = (Suggestion.Point) study.ask();
        assertThat(List.of(first.parameters(), second.parameters()))
                .containsExactly(study.trials.get(7).parameters(), study.trials.get(8).parameters());
        assertThat(study.ask()).isInstanceOf(Suggestion.Wait.class);
    }

    @Test
    void runsABracketToItsEndAndThenIsExhaustedAtTheBracketLimit() {
        Studies study = study(Map.of("brackets", 1));
        List<Long> budgets = new ArrayList<>();
        Suggestion suggestion;
        while ((suggestion = study.ask()) instanceof Suggestion.Point point) {
            budgets.add(point.maxIteration());
            int number = study.trials.size() - 1;
            study.complete(number, (Double) point.parameters().get("x"));
        }
        assertThat(budgets).containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 3L, 3L, 3L, 9L);
        assertThat(suggestion).isInstanceOf(Suggestion.Exhausted.class);
    }

    @Test
    void continuesIdenticallyAfterAJsonRoundTripOfItsState() {
        // given the same study run twice, once with the state passed through JSON after every suggestion
        List<Object> plain = runMixed(false);
        List<Object> roundTripped = runMixed(true);
        // then every suggestion is the same
        assertThat(roundTripped).isEqualTo(plain);
    }

    /** Four experiments in flight, ended in a fixed order, for 60 suggestions. */
    private List<Object> runMixed(boolean json) {
        Studies study = study(Map.of());
        study.jsonRoundTrip = json;
        List<Object> seen = new ArrayList<>();
        List<Integer> running = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            Suggestion suggestion = study.ask();
            if (suggestion instanceof Suggestion.Point point) {
                seen.add(List.of(point.parameters(), point.maxIteration()));
                running.add(study.trials.size() - 1);
            } else {
                seen.add(suggestion.getClass().getSimpleName());
            }
            if (running.size() >= 4 || !(suggestion instanceof Suggestion.Point)) {
                int number = running.remove(0);
                Map<String, Object> p = study.trials.get(number).parameters();
                study.complete(number, (Double) p.get("x") + (Double) p.get("y"));
            }
        }
        return seen;
    }

    @Test
    void rejectsAStudyWithSeveralObjectives() {
        List<Objective> two = List.of(new Objective("a", "a", Sign.MIN), new Objective("b", "b", Sign.MAX));
        assertThatThrownBy(() -> new HyperbandSpec().create(Map.of(), SPACE, two, ONE_TO_NINE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("one objective");
    }

    @Test
    void rejectsUnknownSettingsAndBadEta() {
        assertThatThrownBy(() -> hyperband(Map.of("etta", 3)))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("etta");
        Map<String, Object> bad = new HashMap<>();
        bad.put("eta", 1);
        assertThatThrownBy(() -> hyperband(bad))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("eta");
    }
}
