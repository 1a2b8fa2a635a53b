package dev.hpo.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.hpo.backend.LaunchRequest;
import dev.hpo.shared.StopReason;
import dev.hpo.study.StudyLog;
import dev.hpo.study.StudyStateChanged;
import dev.hpo.study.StudyStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a {@link TickPlan} in the tick's transaction and keeps the {@link StudySnapshot} in step with what it
 * wrote. Every status change is SQL guarded by the lifecycle's transition tables (see {@link LoopStore}); a guard
 * that does not hold (a worker completed the experiment first, a heartbeat renewed a lease) changes nothing, and
 * the tick re-reads that experiment and decides again before anything else is written ({@link StudyTick}).
 */
@Component
class TickWriter {

    private final LoopStore store;
    private final CompletionEvents completionEvents;
    private final StudyReporter reporter;
    private final SnapshotLoader loader;
    private final StudySnapshots snapshots;
    private final LoopSettings settings;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    TickWriter(LoopStore store, CompletionEvents completionEvents, StudyReporter reporter, SnapshotLoader loader,
               StudySnapshots snapshots, LoopSettings settings, JsonMapper json,
               ApplicationEventPublisher events) {
        this.store = store;
        this.completionEvents = completionEvents;
        this.reporter = reporter;
        this.loader = loader;
        this.snapshots = snapshots;
        this.settings = settings;
        this.json = json;
        this.events = events;
    }

    /**
     * Writes the plan's ends and retries, adding what the backend must abort or launch after the commit; returns
     * the numbers of the experiments whose guard did not hold (a worker completed or renewed first), which the
     * tick re-reads before it decides again: a slot is refilled only once its end is written.
     */
    List<Integer> writeEnds(StudySnapshot snapshot, TickPlan plan, Instant now, List<UUID> aborts,
                            List<LaunchRequest> launches) {
        StudyRow study = snapshot.study();
        List<Integer> missed = new ArrayList<>();
        for (ExperimentEnd end : plan.ends()) {
            ExperimentRow row = end.row();
            if (store.endExperiment(row.id(), end.transition(), end.reason(), end.message(), now)) {
                snapshot.put(end.ended(now));
                snapshot.endedHere(row.number());
                if (end.abortsBackend()) {
                    aborts.add(row.id());
                }
            } else {
                missed.add(row.number());
            }
        }
        for (ExperimentRow row : plan.retries()) {
            String name = store.requeueLost(row.id(), snapshot.model.limits.maxRetriesPerExperiment(), now);
            if (name == null) {
                missed.add(row.number());
                continue;
            }
            // the retry starts from scratch: the lost attempt's reports are deleted when it is leased
            for (int i = 0; i < snapshot.model.objectives.size(); i++) {
                snapshot.summary(i, row.id(), null);
            }
            snapshot.put(row.requeued());
            launches.add(launchRequest(snapshot, row.id(), name, snapshot.parameters(row), row.maxIteration()));
            // a process that is still alive on this host (its lease renewals failed) is stopped first
            aborts.add(row.id());
        }
        return missed;
    }

    /**
     * Writes the rest of a plan whose ends {@link #writeEnds} wrote: new experiments, strategy state, memos,
     * events, the report and the study's end.
     */
    TickResult apply(StudySnapshot snapshot, TickPlan plan, Instant now, List<UUID> aborts,
                     List<LaunchRequest> launches) {
        StudyRow study = snapshot.study();
        List<LoopStore.CreatedRow> rows = new ArrayList<>(plan.created().size());
        for (NewExperiment created : plan.created()) {
            UUID id = UUID.randomUUID();
            rows.add(new LoopStore.CreatedRow(id, created.number(), created.name(), created.project(),
                    json.writeValueAsString(created.parameters()), created.queue(), created.maxIteration()));
            snapshot.addParameters(created.parameters());
            snapshot.put(ExperimentRow.created(id, created.number(), created.maxIteration()));
            launches.add(launchRequest(snapshot, id, created.name(), created.parameters(), created.maxIteration()));
        }
        if (plan.strategyState() != null || !rows.isEmpty()) {
            String state = json.writeValueAsString(plan.strategyState() != null ? plan.strategyState()
                    : snapshot.strategyState());
            store.saveProgress(study.id(), state, plan.experimentsCreated(), rows, now, settings.replicaId());
            if (plan.strategyState() != null) {
                snapshot.strategyState(loader.parseState(state));
            }
        }
        if (plan.exhaustedReason() != null) {
            snapshot.exhausted(plan.exhaustedReason());
        }
        plan.stoppingChecked().forEach((id, count) -> snapshot.stoppingChecked(id, count));

        boolean eventsRecorded = false;
        List<ExperimentRow> notify = new ArrayList<>();
        for (ExperimentRow planned : plan.events()) {
            ExperimentRow row = snapshot.row(planned.number());
            if (row.ended() && !row.completionNotified()) {
                notify.add(row);
            }
        }
        if (!notify.isEmpty()) {
            eventsRecorded = completionEvents.record(snapshot, notify, snapshot.best(), now) > 0;
        }

        StudyEnd end = plan.end();
        List<Ranks.Ranked> ranking = List.of();
        if (plan.reportDue()) {
            ranking = Ranks.of(snapshot);
            StudyStatus status = end != null ? end.status() : study.status();
            String reason = end == null ? study.statusReason()
                    : end.failure() || study.statusReason() == null ? end.reason() : study.statusReason();
            reporter.report(study, plan.experimentsCreated(), status, reason, snapshot.exhaustedReason(), snapshot,
                    ranking, now);
        }
        if (end != null) {
            store.endStudy(study.id(), end, now);
            String reason = end.failure() || study.statusReason() == null ? end.reason() : study.statusReason();
            logEnd(study.id(), end.status(), reason, plan.experimentsCreated(), ranking);
            snapshots.forget(study.id());
            events.publishEvent(new StudyStateChanged(study.id(), end.status().name()));
        }
        return new TickResult(true, study.backend(), launches, aborts, eventsRecorded, end != null);
    }

    /**
     * Ends a study whose stored definition cannot be used (no snapshot can be built): FAILED with the reason, its
     * active experiments ABORTED {@code study_failed}.
     */
    TickResult failUnusable(StudyRow study, String reason, Instant now) {
        List<UUID> aborts = store.abortAll(study.id(), StopReason.STUDY_FAILED, now);
        StudyEnd end = new StudyEnd(StudyStatus.FAILED, reason);
        store.endStudy(study.id(), end, now);
        logEnd(study.id(), end.status(), reason, study.experimentsCreated(), List.of());
        snapshots.forget(study.id());
        events.publishEvent(new StudyStateChanged(study.id(), end.status().name()));
        return new TickResult(true, study.backend(), List.of(), aborts, false, true);
    }

    private LaunchRequest launchRequest(StudySnapshot snapshot, UUID id, String name, Map<String, Object> parameters,
                                        Long maxIteration) {
        StudyModel model = snapshot.model;
        Map<String, Object> merged = new LinkedHashMap<>(model.baseParameters);
        merged.putAll(parameters);
        return new LaunchRequest(id, snapshot.study().id(), name, model.command, model.base.workingDirectory(),
                model.environment, merged, maxIteration);
    }

    private static void logEnd(UUID studyId, StudyStatus status, String reason, int experiments,
                               List<Ranks.Ranked> ranking) {
        Ranks.Ranked best = ranking.isEmpty() ? null : ranking.get(0);
        StudyLog.ended(studyId, status.name(), reason, experiments, best == null ? null : best.row().number(),
                best == null ? null : best.values());
    }
}
