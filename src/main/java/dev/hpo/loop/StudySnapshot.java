package dev.hpo.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.shared.StopReason;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * What this replica knows of one study between ticks: the locked study row of the current tick, every experiment
 * (number i at index i) with its parameters and objective summaries, the {@link Trial}s strategies and stopping
 * rules read, and what the loop derives from them, all kept up to date row by row so that a tick costs what
 * changed, not the size of the study: the active experiments, the ended ones without a job-complete event yet,
 * the compute minutes of ended experiments, the canonical keys of every point tried, and the best experiment.
 *
 * <p>An ended experiment never changes again (late worker calls are refused, see {@code ExperimentTransition}),
 * so once read it is kept. {@link SnapshotLoader} re-reads only the active experiments and the ones this
 * replica ended in its last tick; {@link TickWriter} applies what a tick wrote. Only the tick of its study
 * touches a snapshot, and ticks of one study never overlap on a replica (the {@link TickCoalescer}).
 */
final class StudySnapshot {

    private static final NavigableMap<Long, Double> NONE = Collections.unmodifiableNavigableMap(new TreeMap<>());

    final StudyModel model;
    private StudyRow study;
    private final List<ExperimentRow> experiments = new ArrayList<>();
    private final List<Map<String, Object>> parameters = new ArrayList<>();
    /** Per objective (study order): summary by experiment id. */
    private final List<Map<UUID, MetricSummary>> summaries = new ArrayList<>();
    private final List<Trial> trials = new ArrayList<>();
    private final TreeSet<Integer> active = new TreeSet<>();
    private final TreeSet<Integer> unnotified = new TreeSet<>();
    /** Experiments this replica ended: re-read once more, as a report may have raced with the end. */
    private final Set<Integer> recheck = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    /** First objective's intermediate values, kept only when a stopping rule or the strategy reads them. */
    private final Map<UUID, NavigableMap<Long, Double>> intermediate = new HashMap<>();
    private final Map<UUID, Long> stoppingCheckedAt = new HashMap<>();
    private double endedComputeMinutes;
    private Integer best;
    private boolean bestStale;
    private String exhaustedReason;
    private Map<String, Object> strategyState = Map.of();
    private boolean loaded;
    private boolean stale;
    private boolean judgeWorkers;
    private boolean intermediateComplete;
    long lastWorkerCheckNanos = Long.MIN_VALUE;

    StudySnapshot(StudyModel model) {
        this.model = model;
        for (int i = 0; i < model.objectives.size(); i++) {
            summaries.add(new HashMap<>());
        }
    }

    // ---- reading (decide) ------------------------------------------------------------------------------

    StudyRow study() {
        return study;
    }

    /** Every experiment, in creation order (read-only). */
    List<ExperimentRow> experiments() {
        return Collections.unmodifiableList(experiments);
    }

    int size() {
        return experiments.size();
    }

    ExperimentRow row(int number) {
        return experiments.get(number);
    }

    /** QUEUED and RUNNING experiments in creation order. */
    List<ExperimentRow> activeRows() {
        List<ExperimentRow> rows = new ArrayList<>(active.size());
        for (int number : active) {
            rows.add(experiments.get(number));
        }
        return rows;
    }

    int activeCount() {
        return active.size();
    }

    /** Ended experiments whose job-complete event is not recorded yet, in creation order. */
    List<ExperimentRow> unnotifiedRows() {
        List<ExperimentRow> rows = new ArrayList<>(unnotified.size());
        for (int number : unnotified) {
            rows.add(experiments.get(number));
        }
        return rows;
    }

    /** Running minutes of every experiment: those of ended ones are summed as they end. */
    double computeMinutes(Instant now) {
        double minutes = endedComputeMinutes;
        for (int number : active) {
            minutes += experiments.get(number).runningMinutes(now);
        }
        return minutes;
    }

    /** Whether a RUNNING experiment whose lease expired counts as lost in this tick (see {@link SnapshotLoader}). */
    boolean judgeWorkers() {
        return judgeWorkers;
    }

    String exhaustedReason() {
        return exhaustedReason;
    }

    /** The strategy's saved state as read back from its JSON (never null). */
    Map<String, Object> strategyState() {
        return strategyState;
    }

    /** The report count at which the stopping rule last let this running experiment go on, or null. */
    Long stoppingCheckedAt(UUID id) {
        return stoppingCheckedAt.get(id);
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

    Map<String, Object> parameters(ExperimentRow row) {
        return parameters.get(row.number());
    }

    /** The history as a strategy sees it, in creation order (read-only, kept up to date row by row). */
    List<Trial> trials() {
        return Collections.unmodifiableList(trials);
    }

    /** The trial of this row as it stands (which may be a row the tick is about to write). */
    Trial trial(ExperimentRow row) {
        double[] values = values(row);
        TrialState state = stateOf(row, values != null);
        boolean keepValues = state == TrialState.COMPLETED || state == TrialState.PRUNED;
        NavigableMap<Long, Double> points = intermediate.getOrDefault(row.id(), NONE);
        return new Trial(row.number(), parameters(row), state, keepValues ? values : null, points, row.maxIteration());
    }

    /** Same point and same budget: a higher budget for the same point is a new experiment (multi-fidelity). */
    String key(Map<String, Object> parameters, Long maxIteration) {
        return model.space.canonicalKey(parameters) + "@" + maxIteration;
    }

    boolean tried(String key) {
        return keys.contains(key);
    }

    /**
     * The best ended experiment with every objective (rank 1 of {@link Ranks}): kept as experiments end for one
     * objective; with several it depends on the whole front, so it is ranked.
     */
    ExperimentRow best() {
        if (model.objectives.size() > 1) {
            List<Ranks.Ranked> ranking = Ranks.of(this);
            return ranking.isEmpty() ? null : ranking.get(0).row();
        }
        if (bestStale) {
            best = null;
            for (ExperimentRow row : experiments) {
                considerForBest(row);
            }
            bestStale = false;
        }
        return best == null ? null : experiments.get(best);
    }

    /**
     * How an experiment's end maps to what a strategy knows of it. An experiment stopped at its time or
     * iteration limit has a valid (if budget-capped) result, so it counts as completed when it reported every
     * objective; one stopped by the user, the study, or a lost worker tells nothing reliable, so it is failed.
     */
    static TrialState stateOf(ExperimentRow row, boolean hasValues) {
        return switch (row.status()) {
            case QUEUED, RUNNING -> TrialState.PENDING;
            case COMPLETED -> hasValues ? TrialState.COMPLETED : TrialState.FAILED;
            case ABORTED -> {
                if (row.stopReason() == StopReason.PRUNED) {
                    yield TrialState.PRUNED;
                }
                boolean capped = row.stopReason() == StopReason.TIME_LIMIT
                        || row.stopReason() == StopReason.ITERATION_LIMIT;
                yield capped && hasValues ? TrialState.COMPLETED : TrialState.FAILED;
            }
            case FAILED -> TrialState.FAILED;
        };
    }

    // ---- keeping it up to date (SnapshotLoader, TickWriter) --------------------------------------------

    boolean loaded() {
        return loaded && !stale;
    }

    /** Something was not as the snapshot expected (a guarded write changed nothing): re-read all next tick. */
    void markStale() {
        stale = true;
    }

    void clear() {
        experiments.clear();
        parameters.clear();
        summaries.forEach(Map::clear);
        trials.clear();
        active.clear();
        unnotified.clear();
        recheck.clear();
        keys.clear();
        intermediate.clear();
        stoppingCheckedAt.clear();
        endedComputeMinutes = 0;
        best = null;
        bestStale = false;
        loaded = false;
        stale = false;
        intermediateComplete = false;
    }

    void loadedAll() {
        loaded = true;
    }

    void study(StudyRow row) {
        this.study = row;
    }

    void judgeWorkers(boolean judge) {
        this.judgeWorkers = judge;
    }

    int parametersKnown() {
        return parameters.size();
    }

    void addParameters(Map<String, Object> values) {
        parameters.add(values);
    }

    /** Numbers of the experiments to re-read: the active ones and the ones this replica ended last. */
    Set<Integer> unsettled() {
        Set<Integer> numbers = new TreeSet<>(active);
        numbers.addAll(recheck);
        return numbers;
    }

    void settled() {
        recheck.clear();
    }

    /** This replica ended the experiment: re-read it once more on the next tick. */
    void endedHere(int number) {
        recheck.add(number);
    }

    void summary(int objective, UUID id, MetricSummary summary) {
        if (summary == null) {
            summaries.get(objective).remove(id);
        } else {
            summaries.get(objective).put(id, summary);
        }
    }

    void intermediate(UUID id, NavigableMap<Long, Double> points) {
        intermediate.put(id, points);
    }

    /** Whether every ended experiment's intermediate values are in (then only re-read ones need loading). */
    boolean intermediateComplete() {
        return intermediateComplete;
    }

    void intermediateComplete(boolean complete) {
        this.intermediateComplete = complete;
    }

    boolean hasIntermediate(UUID id) {
        return intermediate.containsKey(id);
    }

    /** Adds (number == size) or replaces a row, after its parameters, summaries and points are in. */
    void put(ExperimentRow row) {
        int number = row.number();
        ExperimentRow old = null;
        if (number == experiments.size()) {
            experiments.add(row);
            trials.add(null);
            keys.add(key(parameters.get(number), row.maxIteration()));
        } else {
            old = experiments.get(number);
            if (!old.id().equals(row.id())) {
                throw new IllegalStateException("experiment number " + number + " is " + old.id() + ", not " + row.id());
            }
            experiments.set(number, row);
            if (old.ended()) {
                endedComputeMinutes -= old.runningMinutes(old.endedAt());
            }
        }
        if (row.ended()) {
            endedComputeMinutes += row.runningMinutes(row.endedAt());
            active.remove(number);
        } else {
            active.add(number);
        }
        if (row.ended() && !row.completionNotified()) {
            unnotified.add(number);
        } else {
            unnotified.remove(number);
        }
        if (!row.running()) {
            stoppingCheckedAt.remove(row.id());
        }
        trials.set(number, trial(row));
        if (best != null && best == number) {
            bestStale = true;
        } else if (!bestStale) {
            considerForBest(row);
        }
    }

    /** Rebuilds the trial of a row whose intermediate values were re-read. */
    void refreshTrial(int number) {
        trials.set(number, trial(experiments.get(number)));
    }

    void strategyState(Map<String, Object> state) {
        this.strategyState = state == null ? Map.of() : state;
    }

    void exhausted(String reason) {
        this.exhaustedReason = reason;
    }

    void stoppingChecked(UUID id, long count) {
        stoppingCheckedAt.put(id, count);
    }

    private void considerForBest(ExperimentRow row) {
        if (!row.ended() || model.objectives.size() != 1) {
            return;
        }
        double[] values = values(row);
        if (values == null) {
            return;
        }
        double loss = loss(values[0]);
        if (best == null) {
            best = row.number();
            return;
        }
        double bestLoss = loss(values(experiments.get(best))[0]);
        if (loss < bestLoss || (loss == bestLoss && row.number() < best)) {
            best = row.number();
        }
    }

    private double loss(double value) {
        Objective objective = model.objectives.get(0);
        double loss = objective.loss(value);
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }
}
