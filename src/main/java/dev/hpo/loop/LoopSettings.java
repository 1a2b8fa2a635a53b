package dev.hpo.loop;

import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the study loop runs on this replica.
 *
 * @param enabled            turn the loop off (e.g. an API-only replica); studies then wait for another replica
 * @param tickInterval       the fixed rate at which every study this replica leases is ticked (wake-ups on worker
 *                           reports come on top of it, at once)
 * @param studyLeaseDuration how long a study stays this replica's without a renewal; another replica takes it over
 *                           after that, so it bounds the pause after a crash
 * @param replicaId          this replica's name in {@code study.lease_owner}; random unless set
 * @param workerLeaseCheck   how often a tick looks for RUNNING experiments whose worker stopped heartbeating
 * @param tickThreads        threads that run ticks (each tick is one short transaction)
 * @param maxStudiesPerClaim at most this many studies claimed per scan, so one replica does not grab every study
 *                           of a fleet at once
 */
@ConfigurationProperties("hpo.loop")
public record LoopSettings(@DefaultValue("true") boolean enabled,
                           @DefaultValue("1s") Duration tickInterval,
                           @DefaultValue("30s") Duration studyLeaseDuration,
                           String replicaId,
                           @DefaultValue("1s") Duration workerLeaseCheck,
                           @DefaultValue("4") int tickThreads,
                           @DefaultValue("100") int maxStudiesPerClaim) {

    public LoopSettings {
        if (replicaId == null || replicaId.isBlank()) {
            replicaId = "replica-" + UUID.randomUUID();
        }
        requirePositive("hpo.loop.tick-interval", tickInterval);
        requirePositive("hpo.loop.study-lease-duration", studyLeaseDuration);
        requirePositive("hpo.loop.worker-lease-check", workerLeaseCheck);
        if (tickThreads < 1) {
            throw new IllegalArgumentException("hpo.loop.tick-threads must be at least 1, not " + tickThreads);
        }
        if (maxStudiesPerClaim < 1) {
            throw new IllegalArgumentException("hpo.loop.max-studies-per-claim must be at least 1, not " + maxStudiesPerClaim);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
