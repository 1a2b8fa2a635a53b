package dev.hpo.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hpo.objective.MetricSummary;
import dev.hpo.queue.WorkerSettings;
import dev.hpo.trial.Trial;

/**
 * Step 2 of a tick: ends running experiments that reached a limit of their own.
 *
 * <ul>
 *   <li>time limit per job, counted from the experiment's start (queue time excluded, as in ClearML):
 *       {@code ABORTED} / {@code time_limit};</li>
 *   <li>iteration budget: the last reported iteration of the first objective's series reached the experiment's
 *       {@code max_iteration}: {@code COMPLETED} / {@code iteration_limit}. Reaching the budget it was given is
 *       the normal end of a multi-fidelity run and of a study's {@code maxIterationPerJob}, so the experiment
 *       counts as completed and its result is used like any other;</li>
 *   <li>a worker that stopped renewing its lease (judged only from one lease timeout after this replica was ready,
 *       and only if the lease is still expired in the database when the tick writes): {@code FAILED} /
 *       {@code worker_lost}, unless the study's
 *       {@code maxRetriesPerExperiment} allows another attempt: then the same experiment goes back to
 *       {@code QUEUED} (its slot stays taken, so the strategy is not asked for a new point, and the lost
 *       attempt's scalars are deleted);</li>
 *   <li>the study's early-stopping rule, re-asked only when the experiment reported something new:
 *       {@code ABORTED} / {@code pruned}.</li>
 * </ul>
 */
@Component
class ExperimentLimits {

    private final LoopStore store;
    private final IntermediateValues intermediateValues;
    private final LoopSettings settings;

    /**
     * No lease counts as expired before this: one lease timeout after this replica became ready to take requests
     * (until then, never). While the service was down or starting no worker could renew its lease, so a lease that
     * ran out meanwhile says nothing about the worker; a live one renews within this time (workers retry while
     * the service restarts), a lost one expires after it.
     */
    private volatile Instant graceUntil = Instant.MAX;
    private final Duration leaseTimeout;
    private final Clock clock;

    ExperimentLimits(LoopStore store, IntermediateValues intermediateValues, LoopSettings settings,
                     WorkerSettings workers, Clock clock) {
        this.store = store;
        this.intermediateValues = intermediateValues;
        this.settings = settings;
        this.leaseTimeout = workers.leaseTimeout();
        this.clock = clock;
    }

    /** The server takes requests now: workers can renew their leases again. */
    @EventListener(ApplicationReadyEvent.class)
    void serviceReady() {
        graceUntil = clock.instant().plus(leaseTimeout);
    }

    /** An experiment put back to QUEUED after its worker was lost; the backend must launch it again. */
    record Requeued(ExperimentRow row, String name) {
    }

    /** Ends what must end, adding lost experiments queued again to {@code requeued}; returns the ids the backend must abort. */
    List<UUID> apply(StudyRow study, StudyHistory history, Instant now, List<Requeued> requeued) {
        StudyModel model = history.model;
        List<UUID> aborts = new ArrayList<>();
        boolean checkWorkers = workerCheckDue(model);
        for (ExperimentRow row : List.copyOf(history.experiments)) {
            if (!row.running()) {
                continue;
            }
            String[] end = limitReached(study, history, row, now, checkWorkers && now.isAfter(graceUntil));
            boolean lost = end != null && StopReasons.WORKER_LOST.equals(end[1]);
            if (lost && study.maxRetriesPerExperiment() > 0) {
                String name = store.requeueLost(row.id(), study.maxRetriesPerExperiment(), now);
                if (name != null) {
                    ExperimentRow queued = row.requeued();
                    history.replace(queued);
                    model.stoppingCheckedAt.remove(row.id());
                    model.summaries.forEach(byExperiment -> byExperiment.remove(row.id()));
                    requeued.add(new Requeued(queued, name));
                    // a process that is still alive on this host (its lease renewals failed) is stopped first
                    aborts.add(row.id());
                    continue;
                }
            }
            // a lease a heartbeat renewed after this tick read it is not ended (the worker is alive)
            boolean ended = lost ? store.loseWorker(row.id(), end[2], now)
                    : end != null && store.endExperiment(row.id(), end[0], end[1], end[2], now);
            if (ended) {
                history.replace(row.endedAs(end[0], end[1], now));
                model.stoppingCheckedAt.remove(row.id());
                if (!"COMPLETED".equals(end[0])) {
                    aborts.add(row.id());
                }
            }
        }
        if (model.stoppingRule != null) {
            prune(history, now, aborts);
        }
        return aborts;
    }

    private boolean workerCheckDue(StudyModel model) {
        long nowNanos = System.nanoTime();
        if (model.lastWorkerLeaseCheckNanos != Long.MIN_VALUE
                && nowNanos - model.lastWorkerLeaseCheckNanos < settings.workerLeaseCheck().toNanos()) {
            return false;
        }
        model.lastWorkerLeaseCheckNanos = nowNanos;
        return true;
    }

    /** {status, reason, message} of the limit this running experiment reached, or null. */
    private static String[] limitReached(StudyRow study, StudyHistory history, ExperimentRow row, Instant now,
                                         boolean checkWorkers) {
        Double perJob = study.timeLimitPerJobMinutes();
        if (perJob != null && row.startedAt() != null
                && !now.isBefore(row.startedAt().plus(Duration.ofMillis(Math.round(perJob * 60_000))))) {
            return new String[] {"ABORTED", StopReasons.TIME_LIMIT, null};
        }
        Long maxIteration = row.maxIteration() != null ? row.maxIteration() : study.maxIterationPerJob();
        MetricSummary summary = history.firstObjectiveSummary(row);
        if (maxIteration != null && summary != null && summary.lastIteration() >= maxIteration) {
            return new String[] {"COMPLETED", StopReasons.ITERATION_LIMIT, null};
        }
        if (checkWorkers && row.workerLeaseExpiresAt() != null && row.workerLeaseExpiresAt().isBefore(now)) {
            return new String[] {"FAILED", StopReasons.WORKER_LOST,
                    "the worker stopped renewing its lease (last lease expired at " + row.workerLeaseExpiresAt() + ")"};
        }
        return null;
    }

    private void prune(StudyHistory history, Instant now, List<UUID> aborts) {
        StudyModel model = history.model;
        List<ExperimentRow> candidates = new ArrayList<>();
        for (ExperimentRow row : history.experiments) {
            MetricSummary summary = row.running() ? history.firstObjectiveSummary(row) : null;
            if (summary != null && !Long.valueOf(summary.count()).equals(model.stoppingCheckedAt.get(row.id()))) {
                candidates.add(row);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        if (!history.hasIntermediate()) {
            intermediateValues.load(history);
        }
        List<Trial> trials = history.trials();
        for (ExperimentRow row : candidates) {
            Trial running = trials.get(history.experiments.indexOf(row));
            if (model.stoppingRule.shouldStop(running, trials, model.firstObjective(), model.budget)) {
                if (store.endExperiment(row.id(), "ABORTED", StopReasons.PRUNED, null, now)) {
                    history.replace(row.endedAs("ABORTED", StopReasons.PRUNED, now));
                    aborts.add(row.id());
                }
                model.stoppingCheckedAt.remove(row.id());
            } else {
                model.stoppingCheckedAt.put(row.id(), history.firstObjectiveSummary(row).count());
            }
        }
    }
}
