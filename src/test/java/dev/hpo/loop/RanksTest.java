package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.StopReason;
import dev.hpo.trial.TrialState;

class RanksTest {

    @Test
    void ranksEndedExperimentsByTheirValueAndLeavesOutRunningAndSilentOnes() {
        // given a max objective and four experiments: two completed, one running, one that never reported
        StudySnapshot history = history(List.of(new Objective("acc", "val", Sign.MAX)),
                row(0, "COMPLETED", null), row(1, "COMPLETED", null), row(2, "RUNNING", null), row(3, "FAILED", null));
        report(history, 0, 0.7);
        report(history, 1, 0.9);
        report(history, 2, 0.99);

        // when ranked
        List<Ranks.Ranked> ranking = Ranks.of(history);

        // then the larger value comes first and only ended experiments with a value are ranked
        assertThat(ranking).extracting(r -> r.row().number()).containsExactly(1, 0);
    }

    @Test
    void ranksSeveralObjectivesByParetoFront() {
        // given min loss, min latency: 0 and 1 are on the first front (boundary points, in creation order), 2 is dominated by 0
        StudySnapshot history = history(List.of(new Objective("loss", "val", Sign.MIN), new Objective("latency", "ms", Sign.MIN)),
                row(0, "COMPLETED", null), row(1, "COMPLETED", null), row(2, "COMPLETED", null));
        report(history, 0, 0.2, 30);
        report(history, 1, 0.1, 50);
        report(history, 2, 0.3, 40);

        List<Ranks.Ranked> ranking = Ranks.of(history);

        assertThat(ranking).extracting(r -> r.row().number()).containsExactly(0, 1, 2);
    }

    @Test
    void countsTimeAndIterationCappedExperimentsAsCompletedAndOtherAbortsAsFailed() {
        assertThat(StudySnapshot.stateOf(row(0, "ABORTED", "time_limit"), true)).isEqualTo(TrialState.COMPLETED);
        assertThat(StudySnapshot.stateOf(row(0, "COMPLETED", "iteration_limit"), true)).isEqualTo(TrialState.COMPLETED);
        assertThat(StudySnapshot.stateOf(row(0, "ABORTED", "pruned"), true)).isEqualTo(TrialState.PRUNED);
        assertThat(StudySnapshot.stateOf(row(0, "ABORTED", "study_stopped"), true)).isEqualTo(TrialState.FAILED);
        assertThat(StudySnapshot.stateOf(row(0, "COMPLETED", null), false)).isEqualTo(TrialState.FAILED);
        assertThat(StudySnapshot.stateOf(row(0, "QUEUED", null), false)).isEqualTo(TrialState.PENDING);
    }

    @Test
    void namesExperimentsLikeClearMLWithSortedKeys() {
        assertThat(SlotFiller.experimentName("train", Map.of("b", 2L, "a", 0.5)))
                .isEqualTo("train: a=0.5 b=2");
    }

    private static ExperimentRow row(int number, String status, String reason) {
        return new ExperimentRow(UUID.nameUUIDFromBytes(new byte[] {(byte) number}), number,
                ExperimentStatus.valueOf(status), StopReason.fromCode(reason), null, null, null, null, false, false, 0);
    }

    private static StudySnapshot history(List<Objective> objectives, ExperimentRow... rows) {
        StudyModel model = new StudyModel(UUID.randomUUID(), SnapshotFixture.SPACE, objectives, null, null, false, null,
                null, Map.of(), List.of(), Map.of());
        StudySnapshot snapshot = new StudySnapshot(model);
        for (ExperimentRow row : rows) {
            snapshot.addParameters(Map.of("x", (double) row.number()));
            snapshot.put(row);
        }
        return snapshot;
    }

    private static void report(StudySnapshot history, int number, double... values) {
        ExperimentRow row = history.row(number);
        for (int i = 0; i < values.length; i++) {
            history.summary(i, row.id(), new MetricSummary(values[i], 9, values[i], values[i], 10));
        }
        history.put(row);
    }
}
