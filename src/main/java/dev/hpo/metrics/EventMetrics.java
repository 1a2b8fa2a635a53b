package dev.hpo.metrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.hpo.shared.StopReason;
import dev.hpo.events.NumberedEvent;
import dev.hpo.events.NumberedEventsListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counters and the refill-latency timer, fed by the events the sequencer numbers. Each event is numbered once over
 * all replicas, so the counters of all replicas add up to the cluster's totals (sum them across instances).
 *
 * <ul>
 *   <li>{@code hpo.experiments.creations}: experiments created (not {@code .created}: Prometheus reserves the {@code _created} suffix).</li>
 *   <li>{@code hpo.experiments.ended{status, reason}}: experiments ended, by status and stop reason ({@code none}
 *       for a plain completion).</li>
 *   <li>{@code hpo.worker.lease.expiries}: experiments whose worker stopped renewing its lease (queued again, or
 *       ended {@code worker_lost}).</li>
 *   <li>{@code hpo.experiments.refill.latency}: from an experiment's end to the next experiment of the same study
 *       being created (leasable by a worker), matched first-ended to first-created.</li>
 * </ul>
 */
@Component
class EventMetrics implements NumberedEventsListener {

    /** Ends waiting for a refill kept per study at most (a study at its budget refills nothing). */
    private static final int MAX_PENDING_ENDS = 10_000;
    private static final Set<String> STUDY_DONE = Set.of("STOPPING", "COMPLETED", "STOPPED", "FAILED");

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter leaseExpiries;
    private final Timer refill;
    private final Map<UUID, Deque<java.time.Instant>> pendingEnds = new ConcurrentHashMap<>();

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = Counter.builder("hpo.experiments.creations").description("Experiments created").register(registry);
        this.leaseExpiries = Counter.builder("hpo.worker.lease.expiries")
                .description("Experiments whose worker lease ran out (queued again or ended worker_lost)")
                .register(registry);
        this.refill = Timer.builder("hpo.experiments.refill.latency")
                .description("From an experiment's end to the next experiment of its study being leasable")
                .publishPercentileHistogram(false).register(registry);
    }

    @Override
    public void numbered(List<NumberedEvent> events) {
        for (NumberedEvent event : events) {
            switch (event.type()) {
                case "experiment_created" -> {
                    created.increment();
                    Deque<java.time.Instant> ends = pendingEnds.get(event.studyId());
                    java.time.Instant end = ends == null ? null : ends.pollFirst();
                    if (end != null) {
                        Duration latency = Duration.between(end, event.writtenAt());
                        refill.record(latency.isNegative() ? Duration.ZERO : latency);
                    }
                }
                case "experiment_ended" -> {
                    String reason = event.stopReason() == null ? "none" : event.stopReason();
                    Counter.builder("hpo.experiments.ended").description("Experiments ended, by status and stop reason")
                            .tag("status", String.valueOf(event.status())).tag("reason", reason)
                            .register(registry).increment();
                    if (StopReason.fromCode(event.stopReason()) == StopReason.WORKER_LOST) {
                        leaseExpiries.increment();
                    }
                    Deque<java.time.Instant> ends = pendingEnds.computeIfAbsent(event.studyId(), k -> new ArrayDeque<>());
                    if (ends.size() < MAX_PENDING_ENDS) {
                        ends.addLast(event.writtenAt());
                    }
                }
                case "experiment_requeued" -> leaseExpiries.increment();
                case "study_changed" -> {
                    if (STUDY_DONE.contains(event.status())) {
                        pendingEnds.remove(event.studyId());
                    }
                }
                default -> {
                    // reported, started, report_written: not counted
                }
            }
        }
    }
}
