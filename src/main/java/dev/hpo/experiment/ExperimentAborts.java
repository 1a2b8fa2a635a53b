package dev.hpo.experiment;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.shared.NotFoundException;
import dev.hpo.shared.StopReason;

/**
 * Aborts one experiment at a user's request: QUEUED or RUNNING becomes ABORTED with reason
 * {@code stopped_by_user} through {@link Experiment#abort}. After the commit the loop ticks the study (the freed
 * slot is refilled) and the study's backend stops the experiment ({@link ExperimentAborted}).
 */
@Service
public class ExperimentAborts {

    private final ExperimentRepository experiments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExperimentAborts(ExperimentRepository experiments, ApplicationEventPublisher events, Clock clock) {
        this.experiments = experiments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Aborts the experiment; an experiment already ABORTED (for whatever reason) is answered unchanged, so a
     * repeated request is harmless. A COMPLETED or FAILED one cannot be aborted (409).
     */
    @Transactional
    public void abortByUser(ExperimentId id) {
        Experiment experiment = experiments.findForUpdate(id.value())
                .orElseThrow(() -> NotFoundException.of("experiment", id.value()));
        if (experiment.status() == ExperimentStatus.ABORTED) {
            return;
        }
        experiment.abort(StopReason.STOPPED_BY_USER, clock.instant());
        events.publishEvent(new ExperimentChanged(experiment.studyId().value(), experiment.id().value()));
        events.publishEvent(new ExperimentAborted(experiment.studyId().value(), experiment.id().value()));
    }
}
