package dev.hpo.loop;

import java.time.Instant;
import java.util.UUID;

/** The columns of one experiment that a tick reads; parameters come from the per-study cache. */
record ExperimentRow(UUID id, int number, String status, String stopReason, Long maxIteration,
                     Instant startedAt, Instant endedAt, Instant workerLeaseExpiresAt,
                     boolean completionNotified, boolean archived) {

    boolean active() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }

    boolean running() {
        return "RUNNING".equals(status);
    }

    boolean ended() {
        return !active();
    }

    /** Minutes it has run (or ran), counted from its start; zero while queued. */
    double runningMinutes(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        Instant end = endedAt != null ? endedAt : now;
        return Math.max(0, end.toEpochMilli() - startedAt.toEpochMilli()) / 60_000.0;
    }

    /** The same experiment ended in the database by the tick. */
    ExperimentRow endedAs(String newStatus, String reason, Instant now) {
        return new ExperimentRow(id, number, newStatus, reason, maxIteration, startedAt, now, workerLeaseExpiresAt,
                completionNotified, archived);
    }

    /** The same experiment put back to QUEUED by the tick after its worker was lost (see LoopStore#requeueLost). */
    ExperimentRow requeued() {
        return new ExperimentRow(id, number, "QUEUED", null, maxIteration, null, null, null, false, archived);
    }

    ExperimentRow notified() {
        return new ExperimentRow(id, number, status, stopReason, maxIteration, startedAt, endedAt, workerLeaseExpiresAt,
                true, archived);
    }

    ExperimentRow archivedAs(boolean value) {
        return new ExperimentRow(id, number, status, stopReason, maxIteration, startedAt, endedAt, workerLeaseExpiresAt,
                completionNotified, value);
    }
}
