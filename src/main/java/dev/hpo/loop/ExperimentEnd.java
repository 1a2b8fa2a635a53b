package dev.hpo.loop;

import dev.hpo.experiment.ExperimentTransition;
import dev.hpo.shared.StopReason;

/**
 * A decision to end one active experiment: the lifecycle move (its target status and SQL guard come from
 * {@link ExperimentTransition}), the stop reason, and an optional failure message.
 */
record ExperimentEnd(ExperimentRow row, ExperimentTransition transition, StopReason reason, String message) {

    /** The row as it is once the end is written. */
    ExperimentRow ended(java.time.Instant now) {
        return row.endedAs(transition.to(), reason, now);
    }

    /** Whether the backend must be told to stop it (it did not end normally). */
    boolean abortsBackend() {
        return transition.to() != dev.hpo.experiment.ExperimentStatus.COMPLETED;
    }

    /**
     * Whether the slot it holds counts as free in this tick. A lost worker's end is written only if its lease is
     * still expired (a heartbeat may renew it meanwhile), so its slot is refilled on the next tick, never twice.
     */
    boolean freesSlotNow() {
        return transition != ExperimentTransition.LOSE_WORKER;
    }
}
