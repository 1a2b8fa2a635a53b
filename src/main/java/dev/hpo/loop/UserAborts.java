package dev.hpo.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.hpo.backend.BackendRegistry;
import dev.hpo.experiment.ExperimentAborted;
import dev.hpo.study.Study;
import dev.hpo.study.StudyRepository;

/**
 * Hands an experiment a user aborted to its study's backend after the abort committed, as {@link StudyTicker}
 * does for the experiments a tick ends: the process backend kills the child process, the queue backend leaves
 * it to the worker's next call. The tick that refills the slot is woken by the {@code ExperimentChanged} event
 * published with it.
 */
@Component
class UserAborts {

    private static final Logger log = LoggerFactory.getLogger(UserAborts.class);

    private final BackendRegistry backends;
    private final StudyRepository studies;

    UserAborts(BackendRegistry backends, StudyRepository studies) {
        this.backends = backends;
        this.studies = studies;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ExperimentAborted event) {
        studies.findById(event.studyId()).map(Study::backend).flatMap(backends::find).ifPresent(backend -> {
            try {
                backend.abort(event.experimentId());
            } catch (RuntimeException e) {
                log.warn("backend {} could not abort experiment {}", backend.name(), event.experimentId(), e);
            }
        });
    }
}
