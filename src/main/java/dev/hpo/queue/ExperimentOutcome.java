package dev.hpo.queue;

import java.time.Instant;
import java.util.UUID;

import dev.hpo.experiment.Experiment;

/** An ended experiment as complete/fail answer it; the same body when the call is repeated. */
public record ExperimentOutcome(UUID id, String status, String stopReason, String failureMessage, Instant endedAt) {

    static ExperimentOutcome of(Experiment e) {
        return new ExperimentOutcome(e.id().value(), e.status().name(), e.stopReason(), e.failureMessage(), e.endedAt());
    }
}
