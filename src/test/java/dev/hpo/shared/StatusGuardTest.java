package dev.hpo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.ExperimentTransition;
import dev.hpo.study.StudyTransition;

class StatusGuardTest {

    @Test
    void listsTheStatusesInEnumOrderWhateverTheSetsOrder() {
        assertThat(StatusGuard.statusIn(Set.of(ExperimentStatus.RUNNING, ExperimentStatus.QUEUED)))
                .isEqualTo("status IN ('QUEUED', 'RUNNING')");
    }

    @Test
    void bothTransitionTablesGuardWithTheirOwnStartingStatuses() {
        assertThat(ExperimentTransition.ABORT.sqlGuard()).isEqualTo("status IN ('QUEUED', 'RUNNING')");
        assertThat(StudyTransition.FAIL.sqlGuard()).isEqualTo("status IN ('RUNNING', 'STOPPING')");
    }
}
