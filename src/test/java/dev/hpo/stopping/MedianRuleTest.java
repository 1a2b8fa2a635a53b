package dev.hpo.stopping;

import static dev.hpo.stopping.Histories.flat;
import static dev.hpo.stopping.Histories.its;
import static dev.hpo.stopping.Histories.trial;
import static dev.hpo.stopping.Histories.vals;
import static dev.hpo.trial.TrialState.COMPLETED;
import static dev.hpo.trial.TrialState.FAILED;
import static dev.hpo.trial.TrialState.PENDING;
import static dev.hpo.trial.TrialState.PRUNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;

class MedianRuleTest {

    private static final Objective LOSS = new Objective("validation", "loss", Sign.MIN);
    private static final Budget NO_LIMITS = new Budget(null, null, null, null);

    /**
     * Optuna's MedianPruner with its defaults (no warm-up fraction, one trial at the iteration, last values), with
     * {@code settings} on top: most tests here pin down that rule; the tests of the defaults use {@link #defaults}.
     */
    private static StoppingRule rule(Map<String, Object> settings) {
        Map<String, Object> optuna = new HashMap<>(Map.of("warmupFraction", 0, "minTrialsAtIteration", 1,
                "reference", "value"));
        optuna.putAll(settings);
        return new MedianRuleSpec().create(optuna, NO_LIMITS);
    }

    private static StoppingRule defaults(Budget budget) {
        return new MedianRuleSpec().create(Map.of(), budget);
    }

    /** Five completed trials whose losses fall as {@code 2.5 - 0.2 i} at iterations 0..9, offset by their number. */
    private static List<Trial> fallingCurves() {
        List<Trial> trials = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            long[] iterations = new long[10];
            double[] values = new double[10];
            for (int i = 0; i < 10; i++) {
                iterations[i] = i;
                values[i] = 2.5 - 0.2 * i + 0.01 * n;
            }
            trials.add(trial(n, COMPLETED, iterations, values));
        }
        return trials;
    }

    /** Five completed trials with losses 1..5 at every iteration 0..9. */
    private static List<Trial> endedOneToFive() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            trials.add(flat(i, COMPLETED, 9, i + 1.0));
        }
        return trials;
    }

    private static boolean judge(StoppingRule rule, List<Trial> ended, Trial running, Objective objective, Budget budget) {
        List<Trial> trials = new ArrayList<>(ended);
        trials.add(running);
        return rule.shouldStop(running, trials, objective, budget);
    }

    @Test
    void stopsARunningTrialWorseThanTheMedian() {
        Trial running = flat(5, PENDING, 2, 3.5);

        assertThat(judge(rule(Map.of()), endedOneToFive(), running, LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void keepsARunningTrialAtOrBetterThanTheMedian() {
        assertThat(judge(rule(Map.of()), endedOneToFive(), flat(5, PENDING, 2, 3.0), LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(rule(Map.of()), endedOneToFive(), flat(5, PENDING, 2, 0.5), LOSS, NO_LIMITS)).isFalse();
    }

    @Test
    void judgesTheBestValueSoFarNotTheLast() {
        Trial running = trial(5, PENDING, its(0, 1, 2), vals(2.0, 7.0, 9.0));

        assertThat(judge(rule(Map.of()), endedOneToFive(), running, LOSS, NO_LIMITS)).isFalse();
    }

    @Test
    void waitsUntilStartupTrialsHaveEnded() {
        List<Trial> ended = endedOneToFive();
        ended.set(4, flat(4, FAILED, 9, 5.0));
        Trial running = flat(5, PENDING, 2, 100.0);

        assertThat(judge(rule(Map.of()), ended, running, LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(rule(Map.of("startupTrials", 4)), ended, running, LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void countsOnlyCompletedTrialsTowardTheStartup() {
        // given five ended trials of which one was pruned, and a much worse running one
        List<Trial> ended = endedOneToFive();
        ended.set(4, flat(4, PRUNED, 9, 5.0));
        Trial running = flat(6, PENDING, 2, 100.0);
        // then four completed are not the five startup trials; a pending one does not count either
        assertThat(judge(rule(Map.of()), ended, running, LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(rule(Map.of("startupTrials", 4)), ended, running, LOSS, NO_LIMITS)).isTrue();
        ended.set(4, flat(4, PENDING, 9, 5.0));
        assertThat(judge(rule(Map.of()), ended, running, LOSS, NO_LIMITS)).isFalse();
    }

    @Test
    void leavesPrunedTrialsOutOfTheMedian() {
        // given completed losses 1..5 (median 3) and three pruned trials that reached iteration 2 with loss 0.5
        List<Trial> trials = endedOneToFive();
        for (int i = 5; i < 8; i++) {
            trials.add(flat(i, PRUNED, 2, 0.5));
        }
        Trial running = flat(8, PENDING, 2, 2.5);
        // then the running trial (2.5) is judged against 3, not against the median 2 that the pruned would make
        assertThat(judge(rule(Map.of()), trials, running, LOSS, NO_LIMITS)).isFalse();
    }

    @Test
    void doesNotJudgeDuringWarmUp() {
        StoppingRule rule = rule(Map.of("warmupIterations", 3));

        assertThat(judge(rule, endedOneToFive(), flat(5, PENDING, 2, 100.0), LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(rule, endedOneToFive(), flat(5, PENDING, 3, 100.0), LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void doesNotJudgeBeforeTheStudysMinimumIteration() {
        Budget budget = new Budget(4L, null, null, null);

        assertThat(judge(rule(Map.of()), endedOneToFive(), flat(5, PENDING, 3, 100.0), LOSS, budget)).isFalse();
        assertThat(judge(rule(Map.of()), endedOneToFive(), flat(5, PENDING, 4, 100.0), LOSS, budget)).isTrue();
    }

    @Test
    void needsEndedTrialsThatReachedTheIteration() {
        Trial running = flat(5, PENDING, 12, 100.0);

        assertThat(judge(rule(Map.of()), endedOneToFive(), running, LOSS, NO_LIMITS)).isFalse();
    }

    @Test
    void needsMinTrialsAtIteration() {
        List<Trial> ended = endedOneToFive();
        ended.set(0, flat(0, COMPLETED, 20, 1.0));
        ended.set(1, flat(1, COMPLETED, 20, 2.0));
        Trial running = flat(5, PENDING, 15, 100.0);

        assertThat(judge(rule(Map.of("minTrialsAtIteration", 3)), ended, running, LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(rule(Map.of("minTrialsAtIteration", 2)), ended, running, LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void comparesWithTheValueAtTheLargestIterationNotPastTheRunningOnes() {
        // Ended trials reported every 10 iterations, improving from 10.0 to 1.0 at iteration 10.
        List<Trial> ended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ended.add(trial(i, COMPLETED, its(0, 10, 20), vals(10.0, 1.0, 0.5)));
        }

        assertThat(judge(rule(Map.of()), ended, trial(5, PENDING, its(0, 9), vals(9.0, 8.0)), LOSS, NO_LIMITS))
                .as("at iteration 9 the others stood at 10.0").isFalse();
        assertThat(judge(rule(Map.of()), ended, trial(5, PENDING, its(0, 15), vals(9.0, 8.0)), LOSS, NO_LIMITS))
                .as("at iteration 15 the others stood at 1.0").isTrue();
    }

    @Test
    void followsTheSignOfAMaximizedObjective() {
        Objective accuracy = new Objective("validation", "accuracy", Sign.MAX);

        assertThat(judge(rule(Map.of()), endedOneToFive(), flat(5, PENDING, 2, 2.5), accuracy, NO_LIMITS)).isTrue();
        assertThat(judge(rule(Map.of()), endedOneToFive(), flat(5, PENDING, 2, 3.5), accuracy, NO_LIMITS)).isFalse();
    }

    @Test
    void stopsATrialThatOnlyReportedNaN() {
        Trial running = trial(5, PENDING, its(0, 1), vals(Double.NaN, Double.NaN));

        assertThat(judge(rule(Map.of()), endedOneToFive(), running, LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void leavesATrialWithoutReportsAlone() {
        Trial running = trial(5, PENDING, its(), vals());

        assertThat(judge(rule(Map.of()), endedOneToFive(), running, LOSS, NO_LIMITS)).isFalse();
    }

    @Test
    void byDefaultDoesNotJudgeTheFirstQuarterOfTheCompletedCurves() {
        // the completed experiments reached iteration 9: nothing before 9 / 4 = 2.25 is judged
        assertThat(judge(defaults(NO_LIMITS), endedOneToFive(), flat(5, PENDING, 2, 100.0), LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(defaults(NO_LIMITS), endedOneToFive(), flat(5, PENDING, 3, 100.0), LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void byDefaultTheWarmUpIsAQuarterOfTheStudysMaxIterationPerJob() {
        Budget budget = new Budget(null, 40L, null, null);
        List<Trial> ended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ended.add(flat(i, COMPLETED, 39, i + 1.0));
        }

        assertThat(judge(defaults(budget), ended, flat(5, PENDING, 9, 100.0), LOSS, budget)).isFalse();
        assertThat(judge(defaults(budget), ended, flat(5, PENDING, 10, 100.0), LOSS, budget)).isTrue();
    }

    @Test
    void byDefaultNeedsFiveCompletedTrialsAtTheIteration() {
        List<Trial> ended = endedOneToFive();
        ended.set(0, flat(0, COMPLETED, 4, 1.0));
        Trial running = flat(5, PENDING, 6, 100.0);

        assertThat(judge(defaults(NO_LIMITS), ended, running, LOSS, NO_LIMITS)).as("four reached iteration 6").isFalse();
        assertThat(judge(defaults(NO_LIMITS), endedOneToFive(), running, LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void byDefaultComparesWithTheRunningAverageOfTheCompletedCurves() {
        // at iteration 5 the completed curves stand at about 1.5 and average about 2.0 over iterations 0..5
        Trial behindTheirLastValues = flat(5, PENDING, 5, 1.8);
        Trial behindTheirAverages = flat(5, PENDING, 5, 2.1);

        assertThat(judge(defaults(NO_LIMITS), fallingCurves(), behindTheirLastValues, LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(rule(Map.of()), fallingCurves(), behindTheirLastValues, LOSS, NO_LIMITS))
                .as("Optuna's rule, reference value").isTrue();
        assertThat(judge(defaults(NO_LIMITS), fallingCurves(), behindTheirAverages, LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void theRunningAverageLeavesNaNValuesOut() {
        List<Trial> ended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ended.add(trial(i, COMPLETED, its(0, 1, 2, 3), vals(Double.NaN, 1.0, 1.0, 1.0)));
        }
        StoppingRule rule = rule(Map.of("reference", "running_average"));

        assertThat(judge(rule, ended, flat(5, PENDING, 3, 1.0), LOSS, NO_LIMITS)).isFalse();
        assertThat(judge(rule, ended, flat(5, PENDING, 3, 1.5), LOSS, NO_LIMITS)).isTrue();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> rule(Map.of("startupTrails", 3)))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("unknown setting 'startupTrails'");
        assertThatThrownBy(() -> rule(Map.of("minTrialsAtIteration", 0)))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("'minTrialsAtIteration'");
        assertThatThrownBy(() -> rule(Map.of("warmupFraction", 1.5)))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("'warmupFraction'");
        assertThatThrownBy(() -> rule(Map.of("reference", "mean")))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("'reference'");
    }
}
