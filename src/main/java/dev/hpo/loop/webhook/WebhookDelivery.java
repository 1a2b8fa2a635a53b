package dev.hpo.loop.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.hpo.shared.DaemonThreads;
import dev.hpo.shared.outbound.PinnedHttpPost;
import dev.hpo.shared.outbound.RefusedTargetException;
import dev.hpo.shared.outbound.WebhookTarget;
import dev.hpo.shared.outbound.WebhookTargets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Posts recorded job-complete events to their study's callback URL, on threads of its own, so a slow or dead
 * receiver never delays a tick. Before each attempt the URL is checked again ({@link WebhookTargets}: a name that
 * resolves to a refused address now is not called, and the POST goes to the address that was checked). Each event is posted until a 2xx answer, with exponential back-off between
 * attempts, at most {@link WebhookSettings#maxAttempts()} times. Delivery is at-least-once (a receiver that
 * answered too late gets the event again); the {@code Idempotency-Key} header, the event id, lets it
 * de-duplicate.
 */
@Component
public class WebhookDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final JobCompleteOutbox outbox;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookTargets targets;
    private final AtomicBoolean scanRequested = new AtomicBoolean();
    private volatile ScheduledExecutorService scanner;
    private volatile ExecutorService senders;

    private final Counter deliveries;
    private final Counter failures;
    private final Counter givenUp;

    WebhookDelivery(JobCompleteOutbox outbox, WebhookSettings settings, Clock clock, WebhookTargets targets,
                    ObjectProvider<MeterRegistry> meters) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.targets = targets;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.deliveries = Counter.builder("hpo.webhook.deliveries")
                .description("Job-complete webhook calls the receiver answered with 2xx").register(registry);
        this.failures = Counter.builder("hpo.webhook.failures")
                .description("Job-complete webhook attempts that failed (error or non-2xx answer)").register(registry);
        this.givenUp = Counter.builder("hpo.webhook.given.up")
                .description("Job-complete events given up after the last attempt failed").register(registry);
    }

    /** Asks for a scan now (new events were committed); coalesced with any scan already asked for. */
    public void wake() {
        ScheduledExecutorService current = scanner;
        if (current != null && scanRequested.compareAndSet(false, true)) {
            try {
                current.execute(this::scanSafely);
            } catch (RejectedExecutionException shuttingDown) {
                scanRequested.set(false);
            }
        }
    }

    private void scanSafely() {
        scanRequested.set(false);
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("job-complete webhook scan failed; retrying on the next poll", e);
        }
    }

    private void scan() {
        Instant now = clock.instant();
        Instant claimUntil = now.plus(settings.requestTimeout()).plus(settings.connectTimeout()).plusSeconds(5);
        List<JobCompleteOutbox.Claimed> due = outbox.claimDue(now, claimUntil, settings.batchSize());
        for (JobCompleteOutbox.Claimed event : due) {
            // a rejected event (shutting down) stays claimed until its claim expires, then is retried
            senders.execute(() -> deliver(event));
        }
        if (due.size() == settings.batchSize()) {
            wake();
        }
    }

    private void deliver(JobCompleteOutbox.Claimed event) {
        String error;
        try {
            // checked again now, against what the name resolves to now, and sent to exactly that address
            WebhookTarget target = targets.check(event.callbackUrl());
            int status = PinnedHttpPost.send(target, Map.of(
                            "Content-Type", "application/json",
                            "Idempotency-Key", event.id().toString(),
                            "X-Hpo-Event", "job-complete",
                            "X-Hpo-Attempt", Integer.toString(event.attempts() + 1)),
                    event.payload().getBytes(StandardCharsets.UTF_8), settings.connectTimeout(),
                    settings.requestTimeout());
            if (status / 100 == 2) {
                outbox.delivered(event.id(), clock.instant());
                deliveries.increment();
                return;
            }
            error = "HTTP " + status;
        } catch (RefusedTargetException e) {
            error = "refused: the URL " + e.getMessage();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        failures.increment();
        int attempts = event.attempts() + 1;
        Instant retryAt = attempts >= settings.maxAttempts() ? null : clock.instant().plus(settings.backoffAfter(attempts));
        try {
            outbox.failed(event.id(), error, retryAt);
        } catch (RuntimeException e) {
            log.warn("could not record failed delivery of event {}; it is claimed until its claim expires", event.id(), e);
        }
        if (retryAt == null) {
            givenUp.increment();
            log.warn("gave up delivering job-complete event {} to {} after {} attempts: {}", event.id(),
                    event.callbackUrl(), attempts, error);
        }
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(settings.threads(), named("hpo-webhook-send"));
        scanner = Executors.newSingleThreadScheduledExecutor(named("hpo-webhook-scan"));
        long period = settings.pollInterval().toMillis();
        scanner.scheduleWithFixedDelay(this::scanSafely, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = scanner;
        ExecutorService t = senders;
        scanner = null;
        if (s != null) {
            // shutdown, not shutdownNow: interrupting a thread inside a JDBC call breaks its connection
            s.shutdown();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(settings.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scanner != null;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        return DaemonThreads.named(prefix);
    }
}
