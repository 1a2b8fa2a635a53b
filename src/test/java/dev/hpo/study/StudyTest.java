package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.experiment.BaseExperimentId;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.IllegalTransitionException;
import dev.hpo.shared.StudyId;

class StudyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Study study(Double timeLimitMinutes) {
        NewStudy definition = new NewStudy("s", BaseExperimentId.random(), List.of(),
                List.of(new Objective("v", "loss", Sign.MIN)), "random", Map.of(), 1L, null, "queue", "default",
                new StudyLimits(1, null, timeLimitMinutes, null, null, null, null), null, null, 5.0);
        return new Study(StudyId.random(), definition, T0);
    }

    @Test
    void countsTheTimeLimitFromStartNotFromCreation() {
        Study study = study(10.0);
        assertThat(study.elapsedMinutes(T0.plusSeconds(600))).isEqualTo(-1);

        study.start(T0.plusSeconds(3600), null);

        assertThat(study.deadline()).isEqualTo(T0.plusSeconds(3600 + 600));
        assertThat(study.reachedTimeLimit(T0.plusSeconds(3600 + 599))).isFalse();
        assertThat(study.reachedTimeLimit(T0.plusSeconds(3600 + 600))).isTrue();
        assertThat(study.elapsedMinutes(T0.plusSeconds(3600 + 90))).isEqualTo(1.5);
    }

    @Test
    void stopsACreatedStudyAtOnceAndARunningOneThroughStopping() {
        Study created = study(null);
        assertThat(created.requestStop(T0)).isTrue();
        assertThat(created.status()).isEqualTo(StudyStatus.STOPPED);
        assertThat(created.requestStop(T0)).isFalse();

        Study running = study(null);
        running.start(T0, null);
        assertThat(running.requestStop(T0)).isTrue();
        assertThat(running.status()).isEqualTo(StudyStatus.STOPPING);
        assertThat(running.statusReason()).isEqualTo("stopped_by_user");
        assertThat(running.requestStop(T0)).isFalse();
    }

    @Test
    void rejectsIllegalTransitions() {
        Study study = study(null);
        study.start(T0, null);
        assertThatThrownBy(() -> study.start(T0, null)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> study.changeBackend("process", null)).isInstanceOf(IllegalTransitionException.class);
        Study ended = study(null);
        ended.requestStop(T0);
        assertThat(ended.status()).isEqualTo(StudyStatus.STOPPED);
        assertThatThrownBy(() -> ended.changeReportPeriod(1)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> ended.changeTimeLimit(1, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> ended.start(T0, null)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aTimeLimitChangedBeforeStartCountsFromStart() {
        Study study = study(null);
        study.changeTimeLimit(2, T0);
        assertThat(study.deadline()).isNull();
        // before start the minutes are the stored limit itself
        assertThat(study.limits().optimizationTimeLimitMinutes()).isEqualTo(2.0);

        study.start(T0.plusSeconds(60), null);

        assertThat(study.deadline()).isEqualTo(T0.plusSeconds(60 + 120));
        study.changeTimeLimit(1, T0.plusSeconds(100));
        assertThat(study.deadline()).isEqualTo(T0.plusSeconds(160));
        // once started a change moves the deadline only; the limit keeps what the study started with
        assertThat(study.limits().optimizationTimeLimitMinutes()).isEqualTo(2.0);
    }

    @Test
    void onlyTheLoopsEndsLeaveADrivenStudyAndNothingLeavesAnEndedOne() {
        assertThat(StudyTransition.ending(StudyStatus.COMPLETED).sqlGuard()).isEqualTo("status IN ('RUNNING', 'STOPPING')");
        for (StudyTransition move : StudyTransition.values()) {
            assertThat(move.from()).noneMatch(StudyStatus::ended);
        }
        assertThatThrownBy(() -> StudyTransition.ending(StudyStatus.RUNNING)).isInstanceOf(IllegalArgumentException.class);
    }
}
