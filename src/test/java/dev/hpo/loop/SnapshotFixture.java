package dev.hpo.loop;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.StopReason;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.SpaceCodec;
import dev.hpo.stopping.StoppingRule;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.study.StudyDefinitionCodec;
import dev.hpo.study.StudyLimits;
import dev.hpo.study.StudyStatus;

/**
 * Builds {@link StudySnapshot}s in memory, as {@link SnapshotLoader} would from the database, so the tick's
 * rules ({@link TickDecider}) can be driven without one: a study row with its limits, a strategy and rule of the
 * test's choosing, and experiments with their summaries.
 */
final class SnapshotFixture {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final SearchSpace SPACE = SpaceCodec.fromJson(
            List.of(Map.of("type", "uniform", "name", "x", "min", 0, "max", 1)));
    static final Objective LOSS = new Objective("validation", "loss", Sign.MIN);

    List<Objective> objectives = List.of(LOSS);
    SearchStrategy strategy = context -> new dev.hpo.strategy.Suggestion.Point(
            Map.of("x", (context.trials().size() + 1) / 1000.0), null, null);
    StoppingRule rule;
    boolean strategyNeedsIntermediate;
    StudyStatus status = StudyStatus.RUNNING;
    String statusReason;
    /** The study's limits in their stored form, by their API names ({@link #limit}). */
    private final Map<String, Object> limits = new LinkedHashMap<>(Map.of("maxConcurrentExperiments", 2));
    Integer saveTopKOnly;
    Instant deadline;
    Instant lastReportAt = T0;
    double reportPeriodMinutes = 5;
    String backend = "queue";
    boolean judgeWorkers = true;

    private StudySnapshot snapshot;

    StudyRow row(int experimentsCreated) {
        return new StudyRow(UUID.nameUUIDFromBytes("study".getBytes()), "s", UUID.randomUUID(), status, statusReason,
                null, null, "scripted", null, null, 42L, null, null, backend, "default", saveTopKOnly, null,
                reportPeriodMinutes, null, T0, deadline, experimentsCreated, lastReportAt, "me",
                T0.plusSeconds(3600));
    }

    /**
     * Sets one of the study's limits by its API name, as a study's definition stores it (so a limit added later needs
     * no field here); before the first experiment or decision, as the limits are fixed once a study runs.
     */
    void limit(String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(limits);
        changed.put(name, value);
        if (!StudyDefinitionCodec.encodeLimits(StudyDefinitionCodec.decodeLimits(changed)).containsKey(name)) {
            throw new IllegalArgumentException("no study limit is named " + name);
        }
        limits.put(name, value);
    }

    /** The limits as the test set them, as the loop reads them from the study's definition. */
    StudyLimits limits() {
        return StudyDefinitionCodec.decodeLimits(limits);
    }

    /** The snapshot, built on first use from the settings above. */
    StudySnapshot snapshot() {
        if (snapshot == null) {
            // the model asks whatever strategy and rule the test sets, also after the snapshot was built
            SearchStrategy currentStrategy = context -> strategy.suggest(context);
            StoppingRule currentRule = (running, trials, objective, limits) ->
                    rule != null && rule.shouldStop(running, trials, objective, limits);
            StudyModel model = new StudyModel(row(0).id(), SPACE, objectives, currentStrategy, currentRule,
                    strategyNeedsIntermediate, limits(), new BaseExperimentRow("train", "demo", null, null, null, null),
                    Map.of(), List.of(), Map.of());
            snapshot = new StudySnapshot(model);
            snapshot.study(row(0));
            snapshot.judgeWorkers(judgeWorkers);
        }
        return snapshot;
    }

    /** Adds the next experiment with x = its number / 10. */
    ExperimentRow add(ExperimentStatus status, StopReason reason) {
        StudySnapshot s = snapshot();
        int number = s.size();
        Instant started = status == ExperimentStatus.QUEUED ? null : T0;
        Instant ended = status.ended() ? T0.plusSeconds(60) : null;
        ExperimentRow row = new ExperimentRow(UUID.nameUUIDFromBytes(("e" + number).getBytes()), number, status,
                reason, null, started, ended, status == ExperimentStatus.RUNNING ? T0.plusSeconds(600) : null,
                status.ended(), false, 0);
        s.addParameters(Map.of("x", number / 10.0));
        s.put(row);
        s.study(row(s.size()));
        return row;
    }

    /** Replaces a row (e.g. a lease that expired, or a start time). */
    void replace(ExperimentRow row) {
        snapshot().put(row);
    }

    /** The experiment reported {@code values} (one per objective), last at {@code iteration}, {@code count} times. */
    void report(ExperimentRow row, long iteration, long count, double... values) {
        for (int i = 0; i < values.length; i++) {
            snapshot().summary(i, row.id(), new MetricSummary(values[i], iteration, values[i], values[i], count));
        }
        snapshot().put(snapshot().row(row.number()));
    }

    /**
     * Re-reads the study row (after changing a setting above). The limits are the study's definition, fixed once it
     * runs and held by the model: a test that changes one after the snapshot was built is told so.
     */
    void refreshStudy() {
        if (!limits().equals(snapshot().model.limits)) {
            throw new IllegalStateException("the limits are fixed once the study runs: set them before the first "
                    + "experiment or decision");
        }
        snapshot().study(row(snapshot().size()));
        snapshot().judgeWorkers(judgeWorkers);
    }
}
