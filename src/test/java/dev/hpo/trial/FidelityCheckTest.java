package dev.hpo.trial;

import static dev.hpo.trial.FidelityCheck.Verdict.CONSISTENT;
import static dev.hpo.trial.FidelityCheck.Verdict.MISLEADING;
import static dev.hpo.trial.FidelityCheck.Verdict.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;

class FidelityCheckTest {

    private static final Objective LOSS = new Objective("loss", "loss", Sign.MIN);
    private static final Objective ACCURACY = new Objective("accuracy", "accuracy", Sign.MAX);

    /** A curve reported at iterations 1..9: {@code early} at 1..3, {@code last} from 4 on. */
    private static Trial trial(int number, TrialState state, long budget, double early, double last) {
        NavigableMap<Long, Double> values = new TreeMap<>();
        for (long i = 1; i <= budget; i++) {
            values.put(i, i <= 3 ? early : last);
        }
        return new Trial(number, Map.of("x", number), state, new double[] {values.lastEntry().getValue()}, values,
                budget);
    }

    /** Four full curves; the best at 9 (last 0.1) is {@code rankOfBestAt3}-th best at 3 (0-based). */
    private static List<Trial> fourCurves(int rankOfBestAt3) {
        List<Trial> trials = new ArrayList<>();
        double[] early = {0.5, 0.6, 0.7, 0.8};
        double[] last = {0.4, 0.3, 0.2};
        int other = 0;
        for (int i = 0; i < 4; i++) {
            boolean best = i == rankOfBestAt3;
            trials.add(trial(i, TrialState.COMPLETED, 9, early[i], best ? 0.1 : last[other++]));
        }
        return trials;
    }

    @Test
    void findsConsistentABudgetAtWhichTheBestFullCurveWouldHaveSurvivedTheCut() {
        // given four full curves, the best at 9 second best at 3 (a cut keeps ceil(4 / 3) = 2)
        List<Trial> trials = fourCurves(1);
        // when the budget 3 is checked, then it is consistent
        assertThat(FidelityCheck.verdict(trials, LOSS, List.of(3L), 9, 3)).isEqualTo(CONSISTENT);
    }

    @Test
    void disfindsConsistentABudgetAtWhichTheBestFullCurveWouldHaveBeenCut() {
        // given four full curves that cross: the best at 9 is third at 3
        List<Trial> trials = fourCurves(2);
        // when the budgets 1 and 3 are checked, then they are misleading, alone or with another
        assertThat(FidelityCheck.verdict(trials, LOSS, List.of(3L), 9, 3)).isEqualTo(MISLEADING);
        assertThat(FidelityCheck.verdict(trials, LOSS, List.of(1L, 3L), 9, 3)).isEqualTo(MISLEADING);
    }

    @Test
    void ranksByLossSoThatAMaximisedObjectiveReversesTheOrder() {
        // given curves at 3 of 0.5, 0.6, 0.7, 0.8 ending at 0.4, 0.3, 0.1, 0.9
        double[] last = {0.4, 0.3, 0.1, 0.9};
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trials.add(trial(i, TrialState.COMPLETED, 9, 0.5 + 0.1 * i, last[i]));
        }
        // then minimised, the best (0.1) was third at 3 (misleading); maximised, the best (0.9) was first there
        assertThat(FidelityCheck.verdict(trials, LOSS, List.of(3L), 9, 3)).isEqualTo(MISLEADING);
        assertThat(FidelityCheck.verdict(trials, ACCURACY, List.of(3L), 9, 3)).isEqualTo(CONSISTENT);
    }

    @Test
    void cannotTellUntilEtaPlusOneFullCurvesExist() {
        // given crossing curves, but only three of them full, with one that stopped at 3 and one that is running
        List<Trial> trials = new ArrayList<>(fourCurves(2).subList(0, 3));
        trials.add(trial(3, TrialState.COMPLETED, 3, 0.1, 0.1));
        trials.add(trial(4, TrialState.PENDING, 9, 0.9, 0.01));
        // then the curves cannot tell yet
        assertThat(FidelityCheck.verdict(trials, LOSS, List.of(3L), 9, 3)).isEqualTo(UNKNOWN);
    }

    @Test
    void ignoresExperimentsWithoutIntermediateValues() {
        // given four full-budget experiments that reported only their end (no curve)
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trials.add(new Trial(i, Map.of("x", i), TrialState.COMPLETED, new double[] {i}, new TreeMap<>(), 9L));
        }
        // then nothing can be told
        assertThat(FidelityCheck.verdict(trials, LOSS, List.of(1L, 3L), 9, 3)).isEqualTo(UNKNOWN);
    }
}
