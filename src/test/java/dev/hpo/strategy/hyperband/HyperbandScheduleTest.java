package dev.hpo.strategy.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.trial.Budget;

class HyperbandScheduleTest {

    private static HyperbandSchedule schedule(long min, long max, int eta) {
        return HyperbandSchedule.of("strategy 'hyperband'", new Budget(min, max, null, null), eta);
    }

    @Test
    void hasFiveBracketsOf81To5ConfigurationsFrom1To81WithEta3() {
        // given min 1, max 81, eta 3
        HyperbandSchedule schedule = schedule(1, 81, 3);
        // when the first five brackets are planned
        List<Integer> firstRungs = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            firstRungs.add(schedule.rungs(schedule.bracketOf(index)).get(0).configurations());
        }
        // then they start 81, 27, 9, 6 and 5 configurations, and the sixth bracket is the first again
        assertThat(schedule.sMax()).isEqualTo(4);
        assertThat(firstRungs).containsExactly(81, 27, 9, 6, 5);
        assertThat(schedule.bracketOf(5)).isEqualTo(4);
    }

    @Test
    void conservativeOrderRunsTheFullBudgetBracketFirst() {
        // given min 1, max 81, eta 3
        HyperbandSchedule schedule = schedule(1, 81, 3);
        // when brackets are numbered in the conservative order, then s goes 0, 1, ..., 4 and starts again at 0
        List<Integer> order = new ArrayList<>();
        for (int index = 0; index < 6; index++) {
            order.add(schedule.bracketOf(index, true));
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 0);
    }

    @Test
    void halvesByEtaFromTheSmallestToTheLargestBudget() {
        HyperbandSchedule schedule = schedule(1, 81, 3);
        assertThat(schedule.rungs(4)).containsExactly(new HyperbandSchedule.Rung(81, 1), new HyperbandSchedule.Rung(27, 3),
                new HyperbandSchedule.Rung(9, 9), new HyperbandSchedule.Rung(3, 27), new HyperbandSchedule.Rung(1, 81));
        assertThat(schedule.rungs(1)).containsExactly(new HyperbandSchedule.Rung(6, 27), new HyperbandSchedule.Rung(2, 81));
        assertThat(schedule.rungs(0)).containsExactly(new HyperbandSchedule.Rung(5, 81));
        assertThat(schedule.budgets()).containsExactly(1L, 3L, 9L, 27L, 81L);
    }

    @Test
    void roundsBudgetsThatAreNotPowersOfEta() {
        // given 100 iterations at most: budgets 100/81, 100/27, ... rounded, never below the minimum
        HyperbandSchedule schedule = schedule(1, 100, 3);
        assertThat(schedule.budgets()).containsExactly(1L, 4L, 11L, 33L, 100L);
    }

    @Test
    void runsOnlyTheFullBudgetWhenMinAndMaxAreEqual() {
        HyperbandSchedule schedule = schedule(10, 10, 3);
        assertThat(schedule.sMax()).isZero();
        assertThat(schedule.rungs(0)).containsExactly(new HyperbandSchedule.Rung(1, 10));
    }

    @Test
    void rejectsAStudyWithoutIterationBudgets() {
        assertThatThrownBy(() -> HyperbandSchedule.of("strategy 'bohb'", new Budget(null, 81L, null, null), 3))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("minIterationPerJob").hasMessageContaining("maxIterationPerJob");
    }

    @Test
    void rejectsMaxBelowMin() {
        assertThatThrownBy(() -> schedule(10, 5, 3))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("must not be below");
    }
}
