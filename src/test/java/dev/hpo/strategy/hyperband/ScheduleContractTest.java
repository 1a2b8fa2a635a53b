package dev.hpo.strategy.hyperband;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.testing.SequentialRun;

/**
 * The shared strategy contract for the Hyperband schedules ({@code hyperband}, {@code bohb}), plus what they add:
 * a point may repeat, but only as a promotion to a larger budget.
 */
abstract class ScheduleContractTest extends StrategyContractTest {

    /** A promoted configuration runs again with the next rung's larger budget; never with the same budget. */
    @Override
    protected boolean allowsRepeats() {
        return true;
    }

    @Test
    void repeatsAPointOnlyWithALargerBudget() {
        SequentialRun.Result result = sequentialRun().run(5, 80);

        Map<String, Long> largestBudget = new HashMap<>();
        int repeats = 0;
        for (Suggestion.Point point : result.points()) {
            String key = space().canonicalKey(point.parameters());
            Long before = largestBudget.put(key, point.maxIteration());
            if (before != null) {
                repeats++;
                assertThat(point.maxIteration()).as("budget of a repeat of %s", key).isGreaterThan(before);
            }
        }
        assertThat(repeats).as("promotions in 80 suggestions").isPositive();
    }
}
