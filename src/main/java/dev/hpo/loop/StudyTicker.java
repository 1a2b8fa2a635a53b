package dev.hpo.loop;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hpo.backend.BackendRegistry;
import dev.hpo.backend.ExperimentBackend;
import dev.hpo.backend.LaunchRequest;
import dev.hpo.loop.webhook.WebhookDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs a {@link StudyTick} in its own transaction, then does what must wait for the commit: hands new
 * experiments to the study's backend, aborts the ended ones there, and wakes the webhook delivery. A backend
 * never sees an experiment that a rolled-back tick created.
 */
@Component
class StudyTicker {

    private static final Logger log = LoggerFactory.getLogger(StudyTicker.class);

    private final StudyTick tick;
    private final TransactionTemplate transaction;
    private final BackendRegistry backends;
    private final WebhookDelivery webhooks;
    private final StudySnapshots models;
    private final Timer tickTimer;

    StudyTicker(StudyTick tick, PlatformTransactionManager transactionManager, BackendRegistry backends,
                WebhookDelivery webhooks, StudySnapshots models, ObjectProvider<MeterRegistry> meters) {
        this.tick = tick;
        MeterRegistry registry = meters.getIfAvailable();
        this.tickTimer = registry == null ? null : Timer.builder("hpo.loop.tick")
                .description("Duration of one study tick transaction (driven ticks only)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.transaction = new TransactionTemplate(transactionManager);
        this.backends = backends;
        this.webhooks = webhooks;
        this.models = models;
    }

    /** Ticks the study; never throws (a failed tick is logged and retried on the next one). */
    TickResult tick(UUID studyId) {
        TickResult result;
        long started = System.nanoTime();
        try {
            result = transaction.execute(status -> tick.run(studyId));
        } catch (RuntimeException e) {
            // The memos may hold what the rolled-back transaction created; rebuild them from the database.
            models.forget(studyId);
            log.warn("tick of study {} failed; it is retried on the next tick", studyId, e);
            return TickResult.notDriven();
        }
        if (result == null || !result.driven()) {
            return TickResult.notDriven();
        }
        if (tickTimer != null) {
            tickTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        ExperimentBackend backend = backends.find(result.backend()).orElse(null);
        if (backend == null && (!result.launches().isEmpty() || !result.aborts().isEmpty())) {
            log.warn("study {} uses backend '{}', which this service does not have", studyId, result.backend());
        }
        if (backend != null) {
            for (UUID id : result.aborts()) {
                try {
                    backend.abort(id);
                } catch (RuntimeException e) {
                    log.warn("backend {} could not abort experiment {}", backend.name(), id, e);
                }
            }
            for (LaunchRequest request : result.launches()) {
                try {
                    backend.launch(request);
                } catch (RuntimeException e) {
                    log.warn("backend {} could not launch experiment {}", backend.name(), request.experimentId(), e);
                }
            }
        }
        if (result.eventsRecorded()) {
            webhooks.wake();
        }
        return result;
    }
}
