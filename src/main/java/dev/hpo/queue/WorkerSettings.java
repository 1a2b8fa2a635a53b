package dev.hpo.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a worker's lease on an experiment lasts without renewal, and how often workers are asked to renew
 * it (a third of the lease by default, so two lost heartbeats do not lose the experiment).
 */
@ConfigurationProperties("hpo.worker")
public record WorkerSettings(@DefaultValue("60s") Duration leaseTimeout, Duration heartbeatInterval) {

    public WorkerSettings {
        if (leaseTimeout == null || leaseTimeout.isNegative() || leaseTimeout.isZero()) {
            throw new IllegalArgumentException("hpo.worker.lease-timeout must be positive");
        }
        if (heartbeatInterval == null) {
            heartbeatInterval = leaseTimeout.dividedBy(3);
        }
        if (heartbeatInterval.compareTo(leaseTimeout) >= 0 || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("hpo.worker.heartbeat-interval must be positive and below the lease timeout");
        }
    }
}
