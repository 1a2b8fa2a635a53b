package dev.hpo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.hpo.stopping.StoppingRule;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * {@code lc_sim_mf}: one experiment at a time, each reporting the simulated curve epoch by epoch up to 81 (or its
 * suggested {@code maxIteration}); the budget is counted in epochs. After each reported epoch but the last the
 * stopping rule is asked, with the experiment {@code PENDING} and its values so far, as the loop does on each
 * report (after the last epoch the experiment completes, so there is nothing left to stop). A completed
 * experiment's value is its last reported one; a pruned one ends {@code PRUNED} with its last value, as the
 * loop's history gives it. The incumbent is the full-budget experiment with the best observed value at epoch 81,
 * scored by its {@code final} minus 0.05.
 */
final class MultiFidelityRun {

    static final long EPOCHS = LearningCurve.MAX_EPOCH;
    static final Budget BUDGET = new Budget(1L, EPOCHS, null, 1);

    private MultiFidelityRun() {
    }

    /**
     * @param checkpoints total epochs after which to read the incumbent, ascending; the last is the budget
     */
    static MultiFidelityResult run(SearchStrategy strategy, StoppingRule rule, long seed, long[] checkpoints) {
        long start = System.nanoTime();
        long budget = checkpoints[checkpoints.length - 1];
        double[] regrets = new double[checkpoints.length];
        Arrays.fill(regrets, Double.NaN);
        int nextCheckpoint = 0;
        List<Trial> trials = new ArrayList<>();
        // A read-only view of the history, not a copy: a finished trial never changes, and copying thousands of
        // trials on each of thousands of epochs would dominate the run.
        List<Trial> history = Collections.unmodifiableList(trials);
        Map<String, Object> state = Map.of();
        long spent = 0;
        int full = 0;
        double bestObserved = Double.POSITIVE_INFINITY;
        double incumbentRegret = Double.NaN;
        String note = null;
        while (spent < budget) {
            int number = trials.size();
            Suggestion suggestion = strategy.suggest(new StrategyContext(LearningCurve.SPACE, RegretRun.OBJECTIVES,
                    history, state, Seeds.forSuggestion(seed, number),
                    BUDGET));
            if (suggestion.state() != null) {
                state = StateCodec.roundTrip(suggestion.state());
            }
            if (suggestion instanceof Suggestion.Exhausted exhausted) {
                note = "exhausted after " + number + " experiments: " + exhausted.reason();
                break;
            }
            if (!(suggestion instanceof Suggestion.Point point)) {
                throw new IllegalStateException("strategy answered Wait with no experiment running (suggestion "
                        + number + ")");
            }
            Map<String, Object> parameters = Collections.unmodifiableMap(point.parameters());
            long maxIteration = point.maxIteration() == null ? EPOCHS : Math.min(EPOCHS, point.maxIteration());
            LearningCurve curve = LearningCurve.of(parameters);
            NavigableMap<Long, Double> reported = new TreeMap<>();
            NavigableMap<Long, Double> reportedView = Collections.unmodifiableNavigableMap(reported);
            boolean pruned = false;
            for (long epoch = 1; epoch <= maxIteration && spent < budget; epoch++) {
                double value = curve.valueAt(epoch);
                reported.put(epoch, value);
                spent++;
                if (epoch == EPOCHS) {
                    full++;
                    if (value < bestObserved) {
                        bestObserved = value;
                        incumbentRegret = curve.finalValue() - LearningCurve.REFERENCE_OPTIMUM;
                    }
                }
                while (nextCheckpoint < checkpoints.length && spent >= checkpoints[nextCheckpoint]) {
                    regrets[nextCheckpoint++] = incumbentRegret;
                }
                if (rule != null && epoch < maxIteration) {
                    // A snapshot, as the loop reads it from the database: a rule may keep what it is given.
                    Trial running = new Trial(number, parameters, TrialState.PENDING, null,
                            Collections.unmodifiableNavigableMap(new TreeMap<>(reported)), point.maxIteration());
                    trials.add(running);
                    boolean stop = rule.shouldStop(running, history, RegretRun.OBJECTIVE, BUDGET);
                    trials.remove(trials.size() - 1);
                    if (stop) {
                        pruned = true;
                        break;
                    }
                }
            }
            trials.add(new Trial(number, parameters, pruned ? TrialState.PRUNED : TrialState.COMPLETED,
                    new double[] {reported.lastEntry().getValue()}, reportedView,
                    point.maxIteration()));
        }
        while (nextCheckpoint < checkpoints.length) {
            regrets[nextCheckpoint++] = incumbentRegret; // the strategy stopped early: its incumbent stands
        }
        return new MultiFidelityResult(regrets, trials.size(), full, (System.nanoTime() - start) / 1e9, note);
    }
}
