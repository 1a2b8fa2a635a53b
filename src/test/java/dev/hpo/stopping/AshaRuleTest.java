package dev.hpo.stopping;

import static dev.hpo.stopping.Histories.its;
import static dev.hpo.stopping.Histories.trial;
import static dev.hpo.stopping.Histories.vals;
import static dev.hpo.trial.TrialState.COMPLETED;
import static dev.hpo.trial.TrialState.PENDING;
import static dev.hpo.trial.TrialState.PRUNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;

class AshaRuleTest {

    private static final Objective LOSS = new Objective("validation", "loss", Sign.MIN);
    /** eta = 3 over 1..27: rungs at 1, 3 and 9. */
    private static final Budget ONE_TO_27 = new Budget(1L, 27L, null, null);

    /** Plain ASHA, judging from the first report (the cut itself is what most tests here are about). */
    private static final StoppingRule RULE = new AshaRuleSpec().create(Map.of("skipMisleadingRungs", false),
            ONE_TO_27);
    /** The default: a rung cuts only once the full curves support it. */
    private static final StoppingRule HEDGED = new AshaRuleSpec().create(Map.of(), ONE_TO_27);

    /** Trials that reported {@code losses[i]} at iteration 1 and stopped there (pruned). */
    private static List<Trial> atFirstRung(double... losses) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            trials.add(trial(i, PRUNED, its(0, 1), vals(9.0, losses[i])));
        }
        return trials;
    }

    private static boolean judge(StoppingRule rule, List<Trial> others, Trial running) {
        List<Trial> trials = new ArrayList<>(others);
        trials.add(running);
        return rule.shouldStop(running, trials, LOSS, ONE_TO_27);
    }

    @Test
    void placesRungsAtMinTimesPowersOfEtaBelowTheMaximum() {
        assertThat(AshaRuleSpec.rungs(1, 3, 0, 27)).containsExactly(1L, 3L, 9L);
        assertThat(AshaRuleSpec.rungs(1, 3, 0, 28)).containsExactly(1L, 3L, 9L, 27L);
        assertThat(AshaRuleSpec.rungs(1, 3, 1, 27)).containsExactly(3L, 9L);
        assertThat(AshaRuleSpec.rungs(2, 2, 0, 20)).containsExactly(2L, 4L, 8L, 16L);
        assertThat(AshaRuleSpec.rungs(1L << 61, 4, 0, Long.MAX_VALUE)).containsExactly(1L << 61);
    }

    @Test
    void letsTheFirstTrialAtARungGoOn() {
        assertThat(judge(RULE, List.of(), trial(0, PENDING, its(0, 1), vals(9.0, 100.0)))).isFalse();
    }

    @Test
    void stopsATrialOutsideTheBestThirdAtItsRung() {
        // Six losses at rung 1, running included: the best max(1, 6 / 3) = 2 go on.
        List<Trial> others = atFirstRung(1.0, 2.0, 4.0, 5.0, 6.0);

        assertThat(judge(RULE, others, trial(5, PENDING, its(0, 1), vals(9.0, 3.0)))).isTrue();
    }

    @Test
    void keepsATrialInsideTheBestThirdAtItsRung() {
        List<Trial> others = atFirstRung(1.0, 3.0, 4.0, 5.0, 6.0);

        assertThat(judge(RULE, others, trial(5, PENDING, its(0, 1), vals(9.0, 2.0)))).isFalse();
    }

    @Test
    void keepsTheBestOfFewerThanEtaTrials() {
        List<Trial> others = atFirstRung(5.0);

        assertThat(judge(RULE, others, trial(1, PENDING, its(1), vals(4.0)))).isFalse();
        assertThat(judge(RULE, others, trial(1, PENDING, its(1), vals(6.0)))).isTrue();
    }

    @Test
    void doesNotJudgeBeforeTheFirstRung() {
        List<Trial> others = atFirstRung(1.0, 2.0, 3.0);

        assertThat(judge(RULE, others, trial(3, PENDING, its(0), vals(100.0)))).isFalse();
    }

    @Test
    void judgesOnlyAtTheHighestRungReached() {
        // Bad at rung 1 (ranked 4th of 4) but the only one at rung 3.
        List<Trial> others = atFirstRung(1.0, 2.0, 3.0);
        Trial running = trial(3, PENDING, its(1, 2, 3, 4), vals(8.0, 7.0, 6.0, 5.0));

        assertThat(judge(RULE, others, running)).isFalse();
    }

    @Test
    void takesTheValueAtTheLargestIterationNotPastTheRung() {
        // Reports every 2 iterations: at rung 3 it stands at its iteration-2 value.
        List<Trial> others = new ArrayList<>();
        others.add(trial(0, COMPLETED, its(0, 2, 4, 27), vals(9.0, 1.0, 1.0, 1.0)));
        others.add(trial(1, COMPLETED, its(0, 2, 4, 27), vals(9.0, 2.0, 2.0, 2.0)));
        others.add(trial(2, COMPLETED, its(0, 2, 4, 27), vals(9.0, 3.0, 3.0, 3.0)));

        assertThat(judge(RULE, others, trial(3, PENDING, its(0, 2, 4), vals(9.0, 0.5, 100.0)))).isFalse();
        assertThat(judge(RULE, others, trial(3, PENDING, its(0, 2, 4), vals(9.0, 100.0, 0.5)))).isTrue();
    }

    @Test
    void ignoresTrialsThatHaveNotReachedTheRung() {
        List<Trial> others = new ArrayList<>();
        others.add(trial(0, PENDING, its(0, 1, 2), vals(0.1, 0.1, 0.1)));
        others.add(trial(1, PENDING, its(0, 1, 2), vals(0.2, 0.2, 0.2)));
        others.add(trial(2, COMPLETED, its(0, 1, 2, 3), vals(9.0, 9.0, 9.0, 9.0)));

        assertThat(judge(RULE, others, trial(3, PENDING, its(0, 1, 2, 3), vals(5.0, 5.0, 5.0, 5.0)))).isFalse();
    }

    @Test
    void neverJudgesAtTheTrialsOwnBudget() {
        // Given 3 iterations (a Hyperband bracket), rung 3 would stop a finished trial: it is judged at rung 1 only.
        List<Trial> others = new ArrayList<>();
        others.add(trial(0, COMPLETED, its(1, 3), vals(5.0, 0.1)));
        Trial running = trial(1, PENDING, its(1, 3), vals(4.0, 0.2), 3L);

        assertThat(judge(RULE, others, running)).isFalse();
    }

    @Test
    void followsTheSignOfAMaximizedObjective() {
        Objective accuracy = new Objective("validation", "accuracy", Sign.MAX);
        List<Trial> trials = new ArrayList<>(atFirstRung(0.9, 0.8, 0.7));
        Trial running = trial(3, PENDING, its(1), vals(0.6));
        trials.add(running);

        assertThat(RULE.shouldStop(running, trials, accuracy, ONE_TO_27)).isTrue();
    }

    @Test
    void stopsATrialWhoseValueAtTheRungIsNaN() {
        assertThat(judge(RULE, List.of(), trial(0, PENDING, its(1), vals(Double.NaN)))).isTrue();
    }

    /** Four completed experiments over 0..27 whose loss at rung 1 is {@code atOne[i]} and from 2 on {@code last[i]}. */
    private static List<Trial> fullCurves(double[] atOne, double[] last) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < atOne.length; i++) {
            long[] iterations = new long[28];
            double[] values = new double[28];
            for (int t = 0; t <= 27; t++) {
                iterations[t] = t;
                values[t] = t <= 1 ? atOne[i] : last[i];
            }
            trials.add(trial(i, COMPLETED, iterations, values));
        }
        return trials;
    }

    @Test
    void stopsNothingUntilEtaPlusOneExperimentsRanTheFullBudget() {
        // given three full curves and a running trial far worse than all of them at rung 1
        List<Trial> others = fullCurves(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        Trial running = trial(3, PENDING, its(0, 1), vals(9.0, 100.0));
        // then the default rule lets it go on, plain ASHA stops it
        assertThat(judge(HEDGED, others, running)).isFalse();
        assertThat(judge(RULE, others, running)).isTrue();
    }

    @Test
    void stopsAtARungThatTheFullCurvesSupport() {
        // given four full curves ranked alike at rung 1 and at the end
        List<Trial> others = fullCurves(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
        // then a trial worse than the best third at rung 1 is stopped
        assertThat(judge(HEDGED, others, trial(4, PENDING, its(0, 1), vals(9.0, 100.0)))).isTrue();
    }

    @Test
    void doesNotStopAtARungWhereTheBestFullCurveWouldHaveBeenCut() {
        // given four full curves that cross: the best at the end (0.5) was third at rung 1
        List<Trial> others = fullCurves(new double[] {1, 2, 3, 4}, new double[] {2, 3, 0.5, 4});
        // then rung 1 stops nothing, however bad the trial is there
        assertThat(judge(HEDGED, others, trial(4, PENDING, its(0, 1), vals(9.0, 100.0)))).isFalse();
    }

    @Test
    void takesItsRangeFromSettingsOverTheStudy() {
        StoppingRule rule = new AshaRuleSpec().create(Map.of("minIteration", 3, "maxIteration", 100,
                "reductionFactor", 2, "skipMisleadingRungs", false), new Budget(null, null, null, null));
        List<Trial> others = new ArrayList<>();
        others.add(trial(0, PRUNED, its(1, 2, 3), vals(1.0, 1.0, 1.0)));
        Trial running = trial(1, PENDING, its(1, 2), vals(5.0, 5.0));

        assertThat(judge(rule, others, running)).as("iteration 2 is below the first rung, 3").isFalse();
    }

    @Test
    void requiresAMaximumIteration() {
        assertThatThrownBy(() -> new AshaRuleSpec().create(Map.of(), new Budget(1L, null, null, null)))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("'maxIteration' is required");
    }

    @Test
    void rejectsARangeWithoutAnyRung() {
        assertThatThrownBy(() -> new AshaRuleSpec().create(Map.of("minEarlyStoppingRate", 3), ONE_TO_27))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("no rung below maxIteration 27");
    }

    @Test
    void rejectsAReductionFactorBelowTwo() {
        assertThatThrownBy(() -> new AshaRuleSpec().create(Map.of("reductionFactor", 1), ONE_TO_27))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("'reductionFactor' must be between 2 and 100");
    }
}
