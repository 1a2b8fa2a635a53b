package dev.hpo.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hpo.experiment.ExperimentTransition;
import dev.hpo.objective.MetricSummary;
import dev.hpo.shared.StopReason;
import dev.hpo.study.StudyLimits;
import dev.hpo.study.StudyStatus;
import dev.hpo.trial.Trial;

/**
 * The rules of one tick, as a pure function of what the replica knows of the study: {@link #decide} reads a
 * {@link StudySnapshot} and returns a {@link TickPlan}; it reads no database, writes nothing and calls nothing but
 * the study's strategy and stopping rule (plain Java). The limits come from the study's decoded definition
 * ({@code snapshot.model.limits}, a {@link StudyLimits}); the row gives only what changes while the study runs
 * (status, deadline, counters, report times). docs/loop.md lists the rules in this order:
 * <ol>
 *   <li>study limits: a stop request, the deadline, the compute time limit end the study STOPPED and abort every
 *       active experiment;</li>
 *   <li>experiment limits on RUNNING experiments: time per job, iteration budget, lost worker (retried while the
 *       study allows), then the early-stopping rule;</li>
 *   <li>free slots: the strategy is asked once per slot ({@link SlotFiller}); a strategy that throws fails the
 *       study;</li>
 *   <li>finish: nothing active and the job budget used, or the strategy exhausted (or repeating itself);</li>
 *   <li>job-complete events for every experiment ended and not yet notified;</li>
 *   <li>the report, every {@code report_period_minutes} and at the end.</li>
 * </ol>
 */
final class TickDecider {

    private TickDecider() {
    }

    static TickPlan decide(StudySnapshot snapshot, Instant now) {
        StudyRow study = snapshot.study();
        StudyLimits limits = snapshot.model.limits;
        Plan plan = new Plan(study.experimentsCreated());

        // (1) study limits
        LimitHit hit = studyLimit(snapshot, now);
        if (hit != null) {
            abortActive(snapshot, plan, hit.experimentReason());
            String reason = study.stopping() && study.statusReason() != null ? study.statusReason()
                    : hit.studyReason().code();
            return plan.build(snapshot, new StudyEnd(hit.status(), reason), now);
        }

        // (2) experiment limits, then the stopping rule
        experimentLimits(snapshot, plan, now);
        prune(snapshot, plan);

        // (3) free slots
        TrialsView trials = new TrialsView(snapshot.trials(), plan.endedTrials(snapshot, now));
        SlotFiller.Filled filled = SlotFiller.Filled.nothing();
        if (study.status() == StudyStatus.RUNNING) {
            int free = limits.maxConcurrentExperiments() - plan.occupied(snapshot);
            if (limits.totalMaxJobs() != null) {
                free = Math.min(free, limits.totalMaxJobs() - study.experimentsCreated());
            }
            try {
                filled = SlotFiller.fill(snapshot, trials, free, snapshot.strategyState());
            } catch (SlotFiller.StrategyFailure e) {
                abortActive(snapshot, plan, StopReason.STUDY_FAILED);
                return plan.build(snapshot, new StudyEnd(StudyStatus.FAILED, message(e)), now);
            }
            plan.filled(filled);
        }

        // (4) finish
        StudyEnd end = null;
        if (plan.activeAfter(snapshot) == 0) {
            String exhausted = snapshot.exhaustedReason() != null ? snapshot.exhaustedReason() : filled.exhaustedReason();
            if (limits.totalMaxJobs() != null && plan.experimentsCreated >= limits.totalMaxJobs()) {
                end = new StudyEnd(StudyStatus.COMPLETED, StopReason.JOB_BUDGET.code());
            } else if (exhausted != null || filled.duplicate()) {
                end = new StudyEnd(StudyStatus.COMPLETED, StopReason.STRATEGY_EXHAUSTED.code());
            }
        }
        return plan.build(snapshot, end, now);
    }

    /**
     * The ending a stop request or a study limit calls for, or null: STOPPING first, then the deadline (from
     * start), then the compute time (the experiments' running minutes).
     */
    static LimitHit studyLimit(StudySnapshot snapshot, Instant now) {
        StudyRow study = snapshot.study();
        if (study.stopping()) {
            return LimitHit.stopRequested();
        }
        if (study.deadline() != null && !now.isBefore(study.deadline())) {
            return LimitHit.deadline();
        }
        Double computeLimit = snapshot.model.limits.computeTimeLimitMinutes();
        if (computeLimit != null && snapshot.computeMinutes(now) >= computeLimit) {
            return LimitHit.computeTime();
        }
        return null;
    }

    /** The limit a running experiment reached, or null: time per job, iteration budget, lost worker. */
    static ExperimentEnd experimentLimit(StudySnapshot snapshot, ExperimentRow row, Instant now) {
        StudyLimits limits = snapshot.model.limits;
        Double perJob = limits.timeLimitPerJobMinutes();
        if (perJob != null && row.startedAt() != null
                && !now.isBefore(row.startedAt().plus(Duration.ofMillis(Math.round(perJob * 60_000))))) {
            return new ExperimentEnd(row, ExperimentTransition.ABORT, StopReason.TIME_LIMIT, null);
        }
        Long maxIteration = row.maxIteration() != null ? row.maxIteration() : limits.maxIterationPerJob();
        MetricSummary summary = snapshot.firstObjectiveSummary(row);
        if (maxIteration != null && summary != null && summary.lastIteration() >= maxIteration) {
            return new ExperimentEnd(row, ExperimentTransition.REACH_ITERATION_LIMIT, StopReason.ITERATION_LIMIT, null);
        }
        if (snapshot.judgeWorkers() && row.workerLeaseExpiresAt() != null && row.workerLeaseExpiresAt().isBefore(now)) {
            return new ExperimentEnd(row, ExperimentTransition.LOSE_WORKER, StopReason.WORKER_LOST,
                    "the worker stopped renewing its lease (last lease expired at " + row.workerLeaseExpiresAt() + ")");
        }
        return null;
    }

    private static void experimentLimits(StudySnapshot snapshot, Plan plan, Instant now) {
        int maxRetries = snapshot.model.limits.maxRetriesPerExperiment();
        for (ExperimentRow row : snapshot.activeRows()) {
            if (!row.running()) {
                continue;
            }
            ExperimentEnd end = experimentLimit(snapshot, row, now);
            if (end == null) {
                continue;
            }
            if (end.transition() == ExperimentTransition.LOSE_WORKER && row.retries() < maxRetries) {
                plan.retries.add(row);
            } else {
                plan.end(end);
            }
        }
    }

    /**
     * The early-stopping rule, asked about each running experiment that reported something since it was last
     * asked, against the trials as the experiment limits left them.
     */
    private static void prune(StudySnapshot snapshot, Plan plan) {
        StudyModel model = snapshot.model;
        if (model.stoppingRule == null) {
            return;
        }
        List<ExperimentRow> candidates = new ArrayList<>();
        for (ExperimentRow row : snapshot.activeRows()) {
            MetricSummary summary = row.running() ? snapshot.firstObjectiveSummary(row) : null;
            if (summary != null && !plan.touched(row) && !Long.valueOf(summary.count()).equals(snapshot.stoppingCheckedAt(row.id()))) {
                candidates.add(row);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        TrialsView trials = new TrialsView(snapshot.trials(), plan.endedTrials(snapshot, null));
        for (ExperimentRow row : candidates) {
            Trial running = trials.get(row.number());
            if (model.stoppingRule.shouldStop(running, trials, model.firstObjective(), model.budget)) {
                plan.end(new ExperimentEnd(row, ExperimentTransition.ABORT, StopReason.PRUNED, null));
            } else {
                plan.stoppingChecked.put(row.id(), snapshot.firstObjectiveSummary(row).count());
            }
        }
    }

    /** Aborts every active experiment not ended yet in this tick (a lost one is not retried then). */
    private static void abortActive(StudySnapshot snapshot, Plan plan, StopReason reason) {
        plan.retries.clear();
        for (ExperimentRow row : snapshot.activeRows()) {
            if (!plan.touched(row)) {
                plan.end(new ExperimentEnd(row, ExperimentTransition.ABORT, reason, null));
            }
        }
    }

    /** Rule 6: the report is due when none was written yet or {@code report_period_minutes} passed since the last. */
    static boolean reportPeriodOver(StudyRow study, Instant now) {
        if (study.lastReportAt() == null) {
            return true;
        }
        Duration period = Duration.ofMillis(Math.round(study.reportPeriodMinutes() * 60_000));
        return !now.isBefore(study.lastReportAt().plus(period));
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The plan as it grows through the steps. */
    private static final class Plan {
        final Map<UUID, ExperimentEnd> ends = new LinkedHashMap<>();
        final List<ExperimentRow> retries = new ArrayList<>();
        final Map<UUID, Long> stoppingChecked = new HashMap<>();
        List<NewExperiment> created = List.of();
        Map<String, Object> strategyState;
        String exhaustedReason;
        int experimentsCreated;

        Plan(int experimentsCreated) {
            this.experimentsCreated = experimentsCreated;
        }

        void end(ExperimentEnd end) {
            ends.put(end.row().id(), end);
        }

        boolean touched(ExperimentRow row) {
            return ends.containsKey(row.id()) || retries.contains(row);
        }

        void filled(SlotFiller.Filled filled) {
            created = filled.created();
            strategyState = filled.state();
            exhaustedReason = filled.exhaustedReason();
            experimentsCreated += created.size();
        }

        /** Slots taken for the filling: active experiments, less those ended here (but not lost workers). */
        int occupied(StudySnapshot snapshot) {
            int occupied = snapshot.activeCount();
            for (ExperimentEnd end : ends.values()) {
                if (end.freesSlotNow()) {
                    occupied--;
                }
            }
            return occupied;
        }

        int activeAfter(StudySnapshot snapshot) {
            return snapshot.activeCount() - ends.size() + created.size();
        }

        /** The trials of experiments ended so far in this tick, by number. */
        Map<Integer, Trial> endedTrials(StudySnapshot snapshot, Instant now) {
            Map<Integer, Trial> trials = new HashMap<>();
            for (ExperimentEnd end : ends.values()) {
                trials.put(end.row().number(), snapshot.trial(end.ended(now)));
            }
            return trials;
        }

        TickPlan build(StudySnapshot snapshot, StudyEnd end, Instant now) {
            List<ExperimentRow> events = new ArrayList<>(snapshot.unnotifiedRows());
            for (ExperimentEnd ended : ends.values()) {
                events.add(ended.ended(now));
            }
            events.sort(Comparator.comparingInt(ExperimentRow::number));
            boolean reportDue = end != null || reportPeriodOver(snapshot.study(), now);
            return new TickPlan(List.copyOf(ends.values()), retries, created, strategyState, experimentsCreated,
                    exhaustedReason, stoppingChecked, events, end, reportDue);
        }
    }
}
