package dev.hpo.loop;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.hpo.experiment.ExperimentChanged;
import dev.hpo.shared.DaemonThreads;
import dev.hpo.study.StudyStateChanged;
import dev.hpo.study.StudyStatus;

/**
 * The study loop of this replica: every {@link LoopSettings#tickInterval()} it claims or renews the leases of
 * active studies and ticks each one it holds; in between, an experiment change or a study state change
 * (published by the REST layer after its commit) ticks that study at once, so a finished experiment's slot is
 * refilled within milliseconds. On shutdown it finishes running ticks and gives its leases back, so another
 * replica continues without waiting for them to expire.
 */
@Component
public class StudyLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StudyLoop.class);

    private final LoopSettings settings;
    private final StudyLeases leases;
    private final StudyTicker ticker;
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService tickers;
    private volatile TickCoalescer coalescer;

    StudyLoop(LoopSettings settings, StudyLeases leases, StudyTicker ticker) {
        this.settings = settings;
        this.leases = leases;
        this.ticker = ticker;
    }

    /** Ticks the study soon (coalesced with any tick already waiting); ignored when the loop is not running. */
    public void wake(UUID studyId) {
        TickCoalescer current = coalescer;
        if (current != null && studyId != null) {
            current.request(studyId);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ExperimentChanged event) {
        wake(event.studyId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(StudyStateChanged event) {
        if (StudyStatus.valueOf(event.status()).active()) {
            wake(event.studyId());
        }
    }

    private void scan() {
        try {
            List<UUID> held = leases.claim();
            for (UUID studyId : held) {
                coalescer.request(studyId);
            }
        } catch (RuntimeException e) {
            log.warn("study lease scan failed; retrying on the next interval", e);
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        tickers = Executors.newFixedThreadPool(settings.tickThreads(), DaemonThreads.named("hpo-tick"));
        coalescer = new TickCoalescer(tickers, ticker::tick);
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("hpo-loop"));
        long period = settings.tickInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scan, 0, period, TimeUnit.MILLISECONDS);
        log.info("study loop started as replica {} (tick every {}, lease {})", settings.replicaId(),
                settings.tickInterval(), settings.studyLeaseDuration());
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = scheduler;
        ExecutorService t = tickers;
        coalescer = null;
        scheduler = null;
        if (s == null) {
            return;
        }
        // shutdown, not shutdownNow: interrupting a thread inside a JDBC call breaks its connection
        s.shutdown();
        t.shutdown();
        try {
            s.awaitTermination(10, TimeUnit.SECONDS);
            if (!t.awaitTermination(10, TimeUnit.SECONDS)) {
                t.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int released = leases.releaseAll();
            log.info("study loop of replica {} stopped; released {} study leases", settings.replicaId(), released);
        } catch (RuntimeException e) {
            log.warn("could not release the study leases of replica {}; they expire in {}", settings.replicaId(),
                    settings.studyLeaseDuration(), e);
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
