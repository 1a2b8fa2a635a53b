package dev.hpo.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * One tick's view of a study's experiments: the rows as loaded (updated in place as the tick ends some),
 * their parameters, their objective summaries, and, when asked, the first objective's intermediate values.
 * It turns them into the {@link Trial}s that strategies and stopping rules read.
 */
final class StudyHistory {

    private static final NavigableMap<Long, Double> NONE = Collections.unmodifiableNavigableMap(new TreeMap<>());

    final StudyModel model;
    final List<ExperimentRow> experiments;
    /** Per objective (study order): summary by experiment id. */
    final List<Map<UUID, MetricSummary>> summaries;
    private Map<UUID, NavigableMap<Long, Double>> intermediate;

    /** A view over the given lists, which it updates in place (the model's, so the next tick starts from them). */
    StudyHistory(StudyModel model, List<ExperimentRow> experiments, List<Map<UUID, MetricSummary>> summaries) {
        this.model = model;
        this.experiments = experiments;
        this.summaries = summaries;
    }

    /** Replaces a row after the tick changed it in the database. */
    void replace(ExperimentRow row) {
        int index = row.number();
        if (index >= experiments.size() || !experiments.get(index).id().equals(row.id())) {
            index = indexOf(row.id());
        }
        experiments.set(index, row);
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < experiments.size(); i++) {
            if (experiments.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no experiment " + id + " in this study");
    }

    void add(ExperimentRow row) {
        experiments.add(row);
    }

    int activeCount() {
        int active = 0;
        for (ExperimentRow row : experiments) {
            if (row.active()) {
                active++;
            }
        }
        return active;
    }

    double computeMinutes(Instant now) {
        double minutes = 0;
        for (ExperimentRow row : experiments) {
            minutes += row.runningMinutes(now);
        }
        return minutes;
    }

    /** Raw objective values of an experiment (one per objective), or null when any objective is missing. */
    double[] values(ExperimentRow row) {
        double[] values = new double[model.objectives.size()];
        for (int i = 0; i < values.length; i++) {
            MetricSummary summary = summaries.get(i).get(row.id());
            if (summary == null) {
                return null;
            }
            values[i] = model.objectives.get(i).valueOf(summary);
        }
        return values;
    }

    /** The last reported iteration of each objective's series (null where none was reported). */
    Long[] iterations(ExperimentRow row) {
        Long[] iterations = new Long[model.objectives.size()];
        for (int i = 0; i < iterations.length; i++) {
            MetricSummary summary = summaries.get(i).get(row.id());
            iterations[i] = summary == null ? null : summary.lastIteration();
        }
        return iterations;
    }

    MetricSummary firstObjectiveSummary(ExperimentRow row) {
        return summaries.get(0).get(row.id());
    }

    /** Supplies intermediate values of the first objective for every experiment (see {@link #trials}). */
    void withIntermediate(Map<UUID, NavigableMap<Long, Double>> intermediate) {
        this.intermediate = intermediate;
    }

    boolean hasIntermediate() {
        return intermediate != null;
    }

    Map<String, Object> parameters(ExperimentRow row) {
        return model.parametersByNumber.get(row.number());
    }

    /** The history as a strategy sees it, in creation order. */
    List<Trial> trials() {
        List<Trial> trials = new ArrayList<>(experiments.size() + 8);
        for (ExperimentRow row : experiments) {
            trials.add(trial(row));
        }
        return trials;
    }

    Trial trial(ExperimentRow row) {
        double[] values = values(row);
        TrialState state = stateOf(row, values != null);
        boolean keepValues = state == TrialState.COMPLETED || state == TrialState.PRUNED;
        NavigableMap<Long, Double> points = intermediate == null ? NONE : intermediate.getOrDefault(row.id(), NONE);
        return new Trial(row.number(), parameters(row), state, keepValues ? values : null, points, row.maxIteration());
    }

    /**
     * How an experiment's end maps to what a strategy knows of it. An experiment stopped at its time or
     * iteration limit has a valid (if budget-capped) result, so it counts as completed when it reported every
     * objective; one stopped by the user, the study, or a lost worker tells nothing reliable, so it is failed.
     */
    static TrialState stateOf(ExperimentRow row, boolean hasValues) {
        return switch (row.status()) {
            case "QUEUED", "RUNNING" -> TrialState.PENDING;
            case "COMPLETED" -> hasValues ? TrialState.COMPLETED : TrialState.FAILED;
            case "ABORTED" -> {
                if (StopReasons.PRUNED.equals(row.stopReason())) {
                    yield TrialState.PRUNED;
                }
                boolean capped = StopReasons.TIME_LIMIT.equals(row.stopReason())
                        || StopReasons.ITERATION_LIMIT.equals(row.stopReason());
                yield capped && hasValues ? TrialState.COMPLETED : TrialState.FAILED;
            }
            default -> TrialState.FAILED;
        };
    }

    static Map<UUID, NavigableMap<Long, Double>> emptyIntermediate() {
        return new HashMap<>();
    }
}
