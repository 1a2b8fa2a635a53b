package dev.hpo.loop;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.hpo.backend.LaunchRequest;
import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.study.StudyLog;
import dev.hpo.study.StudyStateChanged;

/**
 * One tick of one study, run inside one transaction (see {@link StudyTicker}), in the order of docs/design.md's
 * study loop: (1) study limits, (2) experiment limits, (3) job-complete events, (4) free slots, (5) finish,
 * (6) report and top-k archiving.
 *
 * <p>It starts by locking the study row and checking that this replica holds (or may take) the study's lease:
 * a replica whose lease was taken over while it paused sees the new owner and does nothing, and two threads
 * never interleave their ticks of one study. Experiment numbers come from the locked row, and the unique
 * {@code (study_id, number)} constraint is the last guard against a double creation.
 */
@Component
class StudyTick {

    private final LoopStore store;
    private final StudyModels models;
    private final HistoryLoader historyLoader;
    private final ExperimentLimits experimentLimits;
    private final CompletionEvents completionEvents;
    private final SlotFiller slotFiller;
    private final StudyReporter reporter;
    private final LoopSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StudyTick(LoopStore store, StudyModels models, HistoryLoader historyLoader, ExperimentLimits experimentLimits, CompletionEvents completionEvents,
              SlotFiller slotFiller, StudyReporter reporter, LoopSettings settings, Clock clock,
              ApplicationEventPublisher events) {
        this.store = store;
        this.models = models;
        this.historyLoader = historyLoader;
        this.experimentLimits = experimentLimits;
        this.completionEvents = completionEvents;
        this.slotFiller = slotFiller;
        this.reporter = reporter;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** Runs the tick; the caller provides the transaction. */
    TickResult run(UUID studyId) {
        Instant leaseNow = clock.instant();
        StudyRow study = store.lockStudy(studyId);
        if (study == null || !("RUNNING".equals(study.status()) || study.stopping())) {
            models.forget(studyId);
            return TickResult.notDriven();
        }
        if (!study.leasedBy(settings.replicaId(), leaseNow) && study.leaseOwner() != null
                && study.leaseExpiresAt() != null && study.leaseExpiresAt().isAfter(leaseNow)) {
            // Another replica drives it; our memos may go stale while it does.
            models.forget(studyId);
            return TickResult.notDriven();
        }
        store.holdLease(studyId, settings.replicaId(), leaseNow.plus(settings.studyLeaseDuration()));

        StudyModel model;
        try {
            model = models.get(study);
        } catch (RuntimeException e) {
            return fail(study, null, "cannot drive the study: " + message(e), clock.instant());
        }
        StudyHistory history = historyLoader.load(model, leaseNow);
        // Read after the rows: every end this tick saw committed happened before it, so an experiment created
        // in a freed slot never appears to start before the one it replaces ended.
        Instant now = clock.instant();

        // (1) study limits
        String[] ending = studyLimitReached(study, history, now);
        List<UUID> aborts = new ArrayList<>();
        List<ExperimentLimits.Requeued> requeued = new ArrayList<>();
        if (ending != null) {
            abortActive(history, ending[2], now, aborts);
        } else {
            // (2) experiment limits
            aborts.addAll(experimentLimits.apply(study, history, now, requeued));
        }

        // (4) free slots -- before (3) so that the best experiment in events is computed once, after all changes
        SlotFiller.Filled filled = new SlotFiller.Filled(List.of(), study.experimentsCreated(), false);
        if (ending == null && "RUNNING".equals(study.status())) {
            int free = study.maxConcurrentExperiments() - history.activeCount();
            if (study.totalMaxJobs() != null) {
                free = Math.min(free, study.totalMaxJobs() - study.experimentsCreated());
            }
            try {
                filled = slotFiller.fill(study, history, free, now);
            } catch (SlotFiller.StrategyFailure e) {
                return fail(study, history, message(e), now);
            }
        }

        // (5) finish
        String endStatus = null;
        String endReason = null;
        if (ending != null) {
            endStatus = ending[0];
            endReason = ending[1];
        } else if (history.activeCount() == 0) {
            if (study.totalMaxJobs() != null && filled.experimentsCreated() >= study.totalMaxJobs()) {
                endStatus = "COMPLETED";
                endReason = StopReasons.JOB_BUDGET;
            } else if (model.exhaustedReason != null || filled.duplicate()) {
                endStatus = "COMPLETED";
                endReason = StopReasons.STRATEGY_EXHAUSTED;
            }
        }

        // (3) job-complete events, and (6) the report: both need the ranking
        boolean reportDue = endStatus != null || StudyReporter.due(study, now);
        boolean eventsDue = CompletionEvents.pending(history);
        boolean eventsRecorded = false;
        List<Ranks.Ranked> ranking = List.of();
        if (reportDue || eventsDue) {
            ranking = Ranks.of(history);
            if (eventsDue) {
                eventsRecorded = completionEvents.record(study, history, ranking, now) > 0;
            }
            if (reportDue) {
                String status = endStatus != null ? endStatus : study.status();
                String reason = endStatus == null ? study.statusReason()
                        : study.statusReason() != null ? study.statusReason() : endReason;
                reporter.report(study, filled.experimentsCreated(), status, reason, model.exhaustedReason, history,
                        ranking, now);
            }
        }
        if (endStatus != null) {
            store.endStudy(studyId, endStatus, endReason, now);
            logEnd(studyId, endStatus, study.statusReason() != null ? study.statusReason() : endReason,
                    filled.experimentsCreated(), ranking);
            models.forget(studyId);
            events.publishEvent(new StudyStateChanged(studyId, endStatus));
        }
        List<LaunchRequest> launches = filled.launches();
        if (!requeued.isEmpty()) {
            launches = new ArrayList<>(launches);
            for (ExperimentLimits.Requeued again : requeued) {
                launches.add(slotFiller.launchRequest(study, model, again.row().id(), again.name(),
                        history.parameters(again.row()), again.row().maxIteration()));
            }
        }
        return new TickResult(true, study.backend(), launches, aborts, eventsRecorded, endStatus != null);
    }

    /** {study status, study reason, experiments' stop reason} when a study limit or a stop request ends it. */
    private static String[] studyLimitReached(StudyRow study, StudyHistory history, Instant now) {
        if (study.stopping()) {
            String reason = study.statusReason() != null ? study.statusReason() : StopReasons.STOPPED_BY_USER;
            return new String[] {"STOPPED", reason, StopReasons.STUDY_STOPPED};
        }
        if (study.deadline() != null && !now.isBefore(study.deadline())) {
            return new String[] {"STOPPED", StopReasons.TIME_LIMIT, StopReasons.TIME_LIMIT};
        }
        if (study.computeTimeLimitMinutes() != null
                && history.computeMinutes(now) >= study.computeTimeLimitMinutes()) {
            return new String[] {"STOPPED", StopReasons.COMPUTE_TIME_LIMIT, StopReasons.COMPUTE_TIME_LIMIT};
        }
        return null;
    }

    private void abortActive(StudyHistory history, String reason, Instant now, List<UUID> aborts) {
        for (ExperimentRow row : List.copyOf(history.experiments)) {
            if (row.active() && store.endExperiment(row.id(), "ABORTED", reason, null, now)) {
                history.replace(row.endedAs("ABORTED", reason, now));
                aborts.add(row.id());
            }
        }
    }

    /**
     * Ends the study FAILED with the reason kept, aborting what is active. Runs in the tick's transaction: the
     * failure is a decision about the study (its definition or strategy cannot go on), not a database error.
     */
    private TickResult fail(StudyRow study, StudyHistory history, String reason, Instant now) {
        List<UUID> aborts = new ArrayList<>();
        if (history == null) {
            for (ExperimentRow row : store.experiments(study.id())) {
                if (row.active() && store.endExperiment(row.id(), "ABORTED", StopReasons.STUDY_FAILED, null, now)) {
                    aborts.add(row.id());
                }
            }
        } else {
            abortActive(history, StopReasons.STUDY_FAILED, now, aborts);
            completionEvents.record(study, history, Ranks.of(history), now);
        }
        store.failStudy(study.id(), reason, now);
        logEnd(study.id(), "FAILED", reason, study.experimentsCreated(), history == null ? List.of() : Ranks.of(history));
        models.forget(study.id());
        events.publishEvent(new StudyStateChanged(study.id(), "FAILED"));
        return new TickResult(true, study.backend(), List.of(), aborts, history != null, true);
    }

    private static void logEnd(UUID studyId, String status, String reason, int experiments, List<Ranks.Ranked> ranking) {
        Ranks.Ranked best = ranking.isEmpty() ? null : ranking.get(0);
        StudyLog.ended(studyId, status, reason, experiments, best == null ? null : best.row().number(),
                best == null ? null : best.values());
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
