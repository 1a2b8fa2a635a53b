package dev.hpo.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a study's {@link StudySnapshot} up to date at the start of a tick, inside its transaction and after the
 * study row is locked. The first tick of a snapshot (after a start, a takeover or a failed tick) reads every
 * experiment; later ticks re-read by primary key only the experiments that may have changed: the active ones
 * and those this replica ended in its last tick (a report may have raced with that end). Every other experiment
 * has ended and never changes again. It reads everything again when the locked row's
 * {@code experiments_created} disagrees with the snapshot, a re-read row does not fit, or a guarded write
 * found a row in another state than the snapshot said ({@link StudySnapshot#markStale}).
 *
 * <p>Why an ended experiment's summaries are final once read: a worker's report renews its lease with an
 * {@code UPDATE} of the experiment row before it writes, so it holds the row lock until it commits; the end
 * ({@code complete}, {@code fail}, a user's abort) locks the same row and waits. When this tick reads a row as
 * ended, every report accepted before the end has committed, and the summaries, read after the rows, include it.
 */
@Component
class SnapshotLoader {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final LoopStore store;
    private final IntermediateValues intermediateValues;
    private final LoopSettings settings;
    private final WorkerLeaseGrace grace;
    private final JsonMapper json;

    SnapshotLoader(LoopStore store, IntermediateValues intermediateValues, LoopSettings settings, WorkerLeaseGrace grace,
                   JsonMapper json) {
        this.store = store;
        this.intermediateValues = intermediateValues;
        this.settings = settings;
        this.grace = grace;
        this.json = json;
    }

    /** Updates {@code snapshot} for a tick of the locked {@code study} at {@code now}. */
    void refresh(StudySnapshot snapshot, StudyRow study, Instant now) {
        snapshot.study(study);
        Set<Integer> reread = snapshot.unsettled();
        boolean incremental = snapshot.loaded() && study.experimentsCreated() == snapshot.size()
                && reread(snapshot, reread);
        if (!incremental) {
            loadAll(snapshot, study);
            reread = Set.of();
        }
        snapshot.settled();
        if (snapshot.model.needsIntermediate()) {
            intermediateValues.load(snapshot, reread);
        }
        snapshot.judgeWorkers(workerCheckDue(snapshot) && grace.over(now));
    }

    /** Parses the strategy's state as stored (what a resumed study reads too, so both see the same values). */
    Map<String, Object> parseState(String stateJson) {
        return stateJson == null ? Map.of() : json.readValue(stateJson, MAP);
    }

    private void loadAll(StudySnapshot snapshot, StudyRow study) {
        UUID studyId = study.id();
        snapshot.clear();
        List<ExperimentRow> rows = store.experiments(studyId);
        Map<Integer, String> parameters = store.parameters(studyId, 0);
        for (int number = 0; number < rows.size(); number++) {
            String text = parameters.get(number);
            if (text == null || rows.get(number).number() != number) {
                throw new IllegalStateException("experiment number " + number + " of study " + studyId + " is missing");
            }
            snapshot.addParameters(ParameterValues.normalized(json.readValue(text, MAP)));
        }
        List<Objective> objectives = snapshot.model.objectives;
        for (int i = 0; i < objectives.size(); i++) {
            Objective objective = objectives.get(i);
            for (Map.Entry<UUID, MetricSummary> entry
                    : store.summaries(studyId, objective.title(), objective.series()).entrySet()) {
                snapshot.summary(i, entry.getKey(), entry.getValue());
            }
        }
        for (ExperimentRow row : rows) {
            snapshot.put(row);
        }
        snapshot.strategyState(parseState(study.strategyState()));
        snapshot.loadedAll();
    }

    /** Re-reads the given experiments; false when they do not fit what the snapshot holds. */
    boolean reread(StudySnapshot snapshot, java.util.Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            return true;
        }
        List<UUID> ids = new ArrayList<>(numbers.size());
        for (int number : numbers) {
            ids.add(snapshot.row(number).id());
        }
        List<ExperimentRow> fresh = store.experiments(ids);
        if (fresh.size() != ids.size()) {
            return false;
        }
        for (ExperimentRow row : fresh) {
            if (row.number() >= snapshot.size() || !snapshot.row(row.number()).id().equals(row.id())) {
                return false;
            }
        }
        List<Objective> objectives = snapshot.model.objectives;
        for (int i = 0; i < objectives.size(); i++) {
            Objective objective = objectives.get(i);
            Map<UUID, MetricSummary> summaries = store.summaries(ids, objective.title(), objective.series());
            for (UUID id : ids) {
                snapshot.summary(i, id, summaries.get(id));
            }
        }
        for (ExperimentRow row : fresh) {
            snapshot.put(row);
        }
        return true;
    }

    private boolean workerCheckDue(StudySnapshot snapshot) {
        long nowNanos = System.nanoTime();
        if (snapshot.lastWorkerCheckNanos != Long.MIN_VALUE
                && nowNanos - snapshot.lastWorkerCheckNanos < settings.workerLeaseCheck().toNanos()) {
            return false;
        }
        snapshot.lastWorkerCheckNanos = nowNanos;
        return true;
    }
}
