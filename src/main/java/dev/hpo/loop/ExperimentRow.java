package dev.hpo.loop;

import java.time.Instant;
import java.util.UUID;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.shared.StopReason;

/** The columns of one experiment that a tick reads; parameters come from the per-study snapshot. */
record ExperimentRow(UUID id, int number, ExperimentStatus status, StopReason stopReason, Long maxIteration,
                     Instant startedAt, Instant endedAt, Instant workerLeaseExpiresAt,
                     boolean completionNotified, boolean archived, int retries) {

    boolean active() {
        return status.active();
    }

    boolean running() {
        return status == ExperimentStatus.RUNNING;
    }

    boolean ended() {
        return status.ended();
    }

    /** Minutes it has run (or ran), counted from its start; zero while queued. */
    double runningMinutes(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        Instant end = endedAt != null ? endedAt : now;
        return Math.max(0, end.toEpochMilli() - startedAt.toEpochMilli()) / 60_000.0;
    }

    /** The same experiment as a tick ends it. */
    ExperimentRow endedAs(ExperimentStatus newStatus, StopReason reason, Instant now) {
        return new ExperimentRow(id, number, newStatus, reason, maxIteration, startedAt, now, null,
                completionNotified, archived, retries);
    }

    /** The same experiment put back to QUEUED after its worker was lost (see {@link TickWriter}). */
    ExperimentRow requeued() {
        return new ExperimentRow(id, number, ExperimentStatus.QUEUED, null, maxIteration, null, null, null, false,
                archived, retries + 1);
    }

    ExperimentRow notified() {
        return new ExperimentRow(id, number, status, stopReason, maxIteration, startedAt, endedAt, workerLeaseExpiresAt,
                true, archived, retries);
    }

    ExperimentRow archivedAs(boolean value) {
        return new ExperimentRow(id, number, status, stopReason, maxIteration, startedAt, endedAt, workerLeaseExpiresAt,
                completionNotified, value, retries);
    }

    /** A row the tick has just created. */
    static ExperimentRow created(UUID id, int number, Long maxIteration) {
        return new ExperimentRow(id, number, ExperimentStatus.QUEUED, null, maxIteration, null, null, null, false,
                false, 0);
    }
}
