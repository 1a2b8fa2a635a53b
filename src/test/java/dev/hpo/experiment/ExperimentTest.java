package dev.hpo.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.shared.StopReason;
import dev.hpo.shared.IllegalTransitionException;
import dev.hpo.shared.StudyId;

class ExperimentTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Experiment queued() {
        return new Experiment(ExperimentId.random(), StudyId.random(), 0, "e", "p", Map.of("x", 1), "q", 10L, T0);
    }

    @Test
    void repeatsOfTheSameEndAreNoOpsAndOtherMovesAfterTheEndThrow() {
        Experiment e = queued();
        e.start("w", T0, T0.plusSeconds(60));

        assertThat(e.complete(T0.plusSeconds(5))).isTrue();
        assertThat(e.complete(T0.plusSeconds(9))).isFalse();
        assertThat(e.endedAt()).isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> e.fail("late", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> e.abort(StopReason.PRUNED, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(e.runningTime(T0.plusSeconds(100))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aQueuedExperimentCannotCompleteButMayFailOrBeAborted() {
        Experiment e = queued();
        assertThatThrownBy(() -> e.complete(T0)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("QUEUED");
        e.abort(StopReason.STUDY_STOPPED, T0);
        assertThat(e.status()).isEqualTo(ExperimentStatus.ABORTED);
        assertThat(e.stopReason()).isEqualTo("study_stopped");
        assertThatThrownBy(() -> e.start("w", T0, T0)).isInstanceOf(IllegalTransitionException.class);

        Experiment f = queued();
        assertThat(f.fail("could not launch", T0)).isTrue();
        assertThat(f.fail("again", T0)).isFalse();
        assertThat(f.failureMessage()).isEqualTo("could not launch");
    }

    @Test
    void aRetriedExperimentThatWasNotLeasedAgainMayStillBeCompletedByItsLostWorker() {
        Experiment e = queued();
        assertThat(ExperimentTransition.COMPLETE_LOST_ATTEMPT.allows(e.status())).isTrue();
        // a fresh QUEUED experiment (no retry) is not awaiting a retry: the table's QUEUED -> COMPLETED needs one
        assertThat(e.awaitingRetry()).isFalse();
        assertThatThrownBy(() -> e.complete(T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theTransitionTableGuardsSqlWritesWithTheSameStatuses() {
        assertThat(ExperimentTransition.ABORT.sqlGuard()).isEqualTo("status IN ('QUEUED', 'RUNNING')");
        assertThat(ExperimentTransition.LOSE_WORKER.sqlGuard()).isEqualTo("status IN ('RUNNING')");
        for (ExperimentTransition move : ExperimentTransition.values()) {
            // nothing leaves an ended status: ended experiments are immutable (the loop's snapshot relies on it)
            assertThat(move.from()).allMatch(ExperimentStatus::active);
        }
    }
}
