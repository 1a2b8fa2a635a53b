package dev.hpo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.stopping.StoppingRule;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

class MultiFidelityRunTest {

    private static final Map<String, Object> GOOD = Map.of("lr", 1e-3, "log2_batch", 6L, "dropout", 0.3,
            "optimizer", "adam", "width", 256.0);

    private static final SearchStrategy ALWAYS_GOOD = context -> new Suggestion.Point(GOOD);

    @Test
    void countsTheBudgetInEpochsAndScoresTheBestFullExperimentByItsFinalValue() {
        // when every experiment runs all 81 epochs with a budget of 10 x 81
        MultiFidelityResult result = MultiFidelityRun.run(ALWAYS_GOOD, null, 0, new long[] {5 * 81, 10 * 81});

        // then exactly 10 experiments ran, all full, and the regret is final - 0.05
        assertThat(result.started()).isEqualTo(10);
        assertThat(result.full()).isEqualTo(10);
        double expected = LearningCurve.of(GOOD).finalValue() - 0.05;
        assertThat(result.regrets()).containsExactly(expected, expected);
    }

    @Test
    void asksTheRuleAfterEachEpochWithThePendingTrialAndRecordsPrunedOnes() {
        // given a rule that stops every experiment at its third epoch and records what it saw
        List<Trial> seen = new ArrayList<>();
        StoppingRule stopAtThree = (running, trials, objective, budget) -> {
            seen.add(running);
            assertThat(trials.get(trials.size() - 1)).isSameAs(running);
            return running.intermediate().lastKey() >= 3;
        };
        List<List<Trial>> histories = new ArrayList<>();
        SearchStrategy recording = context -> {
            histories.add(List.copyOf(context.trials()));
            return new Suggestion.Point(GOOD);
        };

        // when the budget is 81 epochs
        MultiFidelityResult result = MultiFidelityRun.run(recording, stopAtThree, 0, new long[] {81});

        // then 27 experiments of 3 epochs started, none full, and the rule saw pending trials with their values
        assertThat(result.started()).isEqualTo(27);
        assertThat(result.full()).isZero();
        assertThat(result.regrets()[0]).isNaN();
        assertThat(seen).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.PENDING));
        assertThat(seen.get(0).intermediate()).containsOnlyKeys(1L);
        // and the strategy saw the earlier ones as PRUNED with their last value
        Trial first = histories.get(1).get(0);
        assertThat(first.state()).isEqualTo(TrialState.PRUNED);
        assertThat(first.values()).containsExactly(LearningCurve.of(GOOD).valueAt(3));
        assertThat(first.intermediate()).containsOnlyKeys(1L, 2L, 3L);
    }

    @Test
    void stopsAnExperimentAtItsSuggestedMaxIteration() {
        SearchStrategy shortRuns = context -> new Suggestion.Point(GOOD, 9L, null);

        MultiFidelityResult result = MultiFidelityRun.run(shortRuns, null, 0, new long[] {81});

        assertThat(result.started()).isEqualTo(9);
        assertThat(result.full()).isZero();
    }
}
