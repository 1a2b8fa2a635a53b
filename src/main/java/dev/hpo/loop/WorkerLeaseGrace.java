package dev.hpo.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hpo.queue.WorkerSettings;

/**
 * No worker lease counts as expired before one lease timeout after this replica became ready to take requests
 * (until then, never). While the service was down or starting no worker could renew its lease, so a lease that
 * ran out meanwhile says nothing about the worker; a live one renews within this time (workers retry while the
 * service restarts), a lost one expires after it.
 */
@Component
class WorkerLeaseGrace {

    private volatile Instant until = Instant.MAX;
    private final Duration leaseTimeout;
    private final Clock clock;

    WorkerLeaseGrace(WorkerSettings workers, Clock clock) {
        this.leaseTimeout = workers.leaseTimeout();
        this.clock = clock;
    }

    /** The server takes requests now: workers can renew their leases again. */
    @EventListener(ApplicationReadyEvent.class)
    void serviceReady() {
        until = clock.instant().plus(leaseTimeout);
    }

    boolean over(Instant now) {
        return now.isAfter(until);
    }
}
