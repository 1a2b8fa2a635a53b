package dev.hpo.loop;

import java.time.Instant;
import java.util.UUID;

import dev.hpo.study.StudyStatus;

/**
 * The columns of one study row that a tick reads. The stored definition (space, objectives, strategy, early
 * stopping, limits) comes as JSON text, decoded once per study into the {@link StudyModel} (the rules read the
 * limits there); the rest is what changes while the study runs: status, the absolute {@code deadline} (set at start,
 * moved by {@code PUT /time-limit}), the report period, counters, strategy state and the lease.
 */
record StudyRow(UUID id, String name, UUID baseExperimentId, StudyStatus status, String statusReason,
                String space, String objectives, String strategyName, String strategySettings,
                String strategyState, long seed, String earlyStopping, String limits, String backend,
                String executionQueue, Integer saveTopKOnly, String spawnProject, double reportPeriodMinutes,
                String callbackUrl, Instant startedAt, Instant deadline, int experimentsCreated, Instant lastReportAt,
                String leaseOwner, Instant leaseExpiresAt) {

    boolean leasedBy(String replica, Instant now) {
        return replica.equals(leaseOwner) && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }

    boolean stopping() {
        return status == StudyStatus.STOPPING;
    }
}
