package dev.hpo.queue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a worker gets with a lease: the experiment, the parameters to run it with (base defaults overridden by
 * the study's values), its iteration budget, and how often to heartbeat before {@code leaseExpiresAt}.
 */
public record LeasedExperiment(UUID id, UUID studyId, String name, String project, Map<String, Object> parameters,
                               Long maxIteration, long heartbeatIntervalSeconds, Instant leaseExpiresAt) {
}
