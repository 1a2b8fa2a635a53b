package dev.hpo.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the sequencer numbered it, with the few fields that metrics read. Each event is numbered exactly
 * once over all replicas, so counting these counts every change once.
 *
 * @param status     data.status (experiment_ended, study_changed, experiment_created), else null
 * @param stopReason data.stopReason (experiment_ended), else null
 * @param writtenAt  when the change was written (the database's clock)
 */
public record NumberedEvent(long seq, UUID studyId, String type, String status, String stopReason,
                            Instant writtenAt) {
}
