package dev.hpo.loop;

import java.time.Instant;
import java.util.UUID;

import dev.hpo.study.StudyStatus;

/** The columns of one study row that a tick reads (JSON columns as text; parsed once per study and cached). */
record StudyRow(UUID id, String name, UUID baseExperimentId, StudyStatus status, String statusReason,
                String space, String objectives, String strategyName, String strategySettings,
                String strategyState, long seed, String earlyStopping, String backend, String executionQueue,
                int maxConcurrentExperiments, Integer totalMaxJobs, Double computeTimeLimitMinutes,
                Double timeLimitPerJobMinutes, Long minIterationPerJob, Long maxIterationPerJob,
                Integer saveTopKOnly, String spawnProject, double reportPeriodMinutes, String callbackUrl,
                Instant startedAt, Instant deadline, int experimentsCreated, Instant lastReportAt,
                String leaseOwner, Instant leaseExpiresAt, int maxRetriesPerExperiment) {

    boolean leasedBy(String replica, Instant now) {
        return replica.equals(leaseOwner) && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }

    boolean stopping() {
        return status == StudyStatus.STOPPING;
    }
}
