package dev.hpo.loop.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

import dev.hpo.loop.LoopThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Posts recorded job-complete events to their study's callback URL, on threads of its own, so a slow or dead
 * receiver never delays a tick. Each event is posted until a 2xx answer, with exponential back-off between
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
    private final HttpClient http;
    private final AtomicBoolean scanRequested = new AtomicBoolean();
    private volatile ScheduledExecutorService scanner;
    private volatile ExecutorService senders;

    private final Counter deliveries;
    private final Counter failures;
    private final Counter givenUp;

    WebhookDelivery(JobCompleteOutbox outbox, WebhookSettings settings, Clock clock,
                    ObjectProvider<MeterRegistry> meters) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.deliveries = Counter.builder("hpo.webhook.deliveries")
                .description("Job-complete webhook calls the receiver answered with 2xx").register(registry);
        this.failures = Counter.builder("hpo.webhook.failures")
                .description("Job-complete webhook attempts that failed (error or non-2xx answer)").register(registry);
        this.givenUp = Counter.builder("hpo.webhook.given.up")
                .description("Job-complete events given up after the last attempt failed").register(registry);
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
            HttpRequest request = HttpRequest.newBuilder(URI.create(event.callbackUrl()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", event.id().toString())
                    .header("X-Hpo-Event", "job-complete")
                    .header("X-Hpo-Attempt", Integer.toString(event.attempts() + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(event.id(), clock.instant());
                deliveries.increment();
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted (service shutting down)";
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
        return LoopThreads.named(prefix);
    }
}
