package dev.hpo.strategy.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.StrategyContext;

class LocalSearchTest {

    private static final SearchSpace MIXED = new SearchSpace(List.of(
            new UniformRange("x", 0, 10, null, true), new DiscreteValues("c", List.of("a", "b"))));

    @Test
    void stepsOnItsTurnsAfterTheStartupOnly() {
        LocalSearch everySecond = new LocalSearch(2, 10, 0.1);
        LocalSearch never = new LocalSearch(0, 10, 0.1);

        assertThat(List.of(5, 9, 10, 11, 12, 13, 15).stream().map(everySecond::due).toList())
                .containsExactly(false, false, false, true, false, true, true);
        assertThat(never.due(11)).isFalse();
    }

    @Test
    void movesTheIncumbentsNumbersAndKeepsItsChoices() {
        // given three completed experiments, the best at x = 5 with choice "b"
        Histories history = new Histories()
                .completed(Map.of("x", 1.0, "c", "a"), 9)
                .completed(Map.of("x", 5.0, "c", "b"), 1)
                .completed(Map.of("x", 8.0, "c", "a"), 4);

        // when steps are drawn after a start-up of those three (first step size: a tenth of the range, sigma = 1)
        LocalSearch local = new LocalSearch(1, 3, 0.1);
        for (long seed = 0; seed < 20; seed++) {
            Map<String, Object> step = local.propose(history.context(MIXED, Histories.MINIMIZE, seed),
                    dev.hpo.strategy.Seeds.forSuggestion(seed, 3));

            // then each keeps the choice and moves x a little from 5, inside the range
            assertThat(step.get("c")).isEqualTo("b");
            double x = ((Number) step.get("x")).doubleValue();
            assertThat(x).isBetween(0.0, 10.0).isNotEqualTo(5.0).isCloseTo(5.0, within(4.5));
        }
    }

    @Test
    void stepSizeShrinksAfterFailuresAndDoublesAfterASuccess() {
        // given two start-up experiments and then local steps (every experiment) that all fail to improve
        LocalSearch local = new LocalSearch(1, 2, 0.1);
        Histories history = new Histories()
                .completed(Map.of("x", 5.0, "c", "a"), 1)
                .completed(Map.of("x", 6.0, "c", "a"), 2);
        for (int i = 0; i < 8; i++) {
            history.completed(Map.of("x", 5.5, "c", "a"), 3 + i);
        }
        StrategyContext failed = history.context(MIXED, Histories.MINIMIZE, 1);

        // then eight failures divide the size by 2^(8/4) = 4
        assertThat(local.origin(failed).scale()).isCloseTo(0.025, within(1e-12));

        // and one success doubles it
        history.completed(Map.of("x", 4.9, "c", "a"), 0.5);
        assertThat(local.origin(history.context(MIXED, Histories.MINIMIZE, 1)).scale()).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void hasNoStepWithSeveralObjectivesOrNothingNumericToMove() {
        Histories history = new Histories().completed(Map.of("x", 5.0, "c", "a"), 1, 2);
        SearchSpace choicesOnly = new SearchSpace(List.of(new DiscreteValues("c", List.of("a", "b"))));
        Histories choices = new Histories().completed(Map.of("c", "a"), 1);
        LocalSearch local = new LocalSearch(1, 0, 0.1);

        assertThat(local.propose(history.context(MIXED, Histories.TWO, 1), dev.hpo.strategy.Seeds.forSuggestion(1, 1)))
                .isNull();
        assertThat(local.propose(choices.context(choicesOnly, Histories.MINIMIZE, 1),
                dev.hpo.strategy.Seeds.forSuggestion(1, 1))).isNull();
    }

    @Test
    void movesTheNumbersNestedInTheIncumbentsCombinationAndKeepsItsChoice() {
        // given a parameter set whose two combinations nest their own reals, the best experiment in combination "b"
        ParameterSet model = new ParameterSet("model", List.of(
                Map.of("kind", "a", "u", new UniformRange("u", 0, 1, null, true)),
                Map.of("kind", "b", "v", new UniformRange("v", 0, 1, null, true))));
        SearchSpace conditional = new SearchSpace(List.of(model));
        Histories history = new Histories()
                .completed(Map.of("kind", "a", "u", 0.5), 3)
                .completed(Map.of("kind", "b", "v", 0.5), 1);
        LocalSearch local = new LocalSearch(1, 2, 0.1);

        for (long seed = 0; seed < 10; seed++) {
            // when a step is drawn
            Map<String, Object> step = local.propose(history.context(conditional, Histories.MINIMIZE, seed),
                    dev.hpo.strategy.Seeds.forSuggestion(seed, 2));

            // then it stays in combination "b" and moves its nested v, and the space holds it
            assertThat(step).containsEntry("kind", "b").doesNotContainKey("u");
            assertThat(((Number) step.get("v")).doubleValue()).isBetween(0.0, 1.0).isNotEqualTo(0.5);
            assertThat(conditional.holds(step)).isTrue();
        }
    }
}
