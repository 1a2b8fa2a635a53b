package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import dev.hpo.objective.Objective;
import dev.hpo.strategy.Trial;
import dev.hpo.strategy.TrialState;

/**
 * Whether the study's own learning curves say that a budget below the full one can be trusted to cut: the
 * experiments that completed the full budget and reported their curve are ranked at the smaller budget, and the
 * budget passes when the best of them at the full budget would have survived successive halving's cut there
 * (it is among the best {@code ceil(n / eta)} of the {@code n} at that budget). Crossing curves (a configuration
 * that learns slowly but ends best) fail it. Until {@code eta + 1} full curves exist (a cut needs at least one
 * to drop) every budget passes, as in plain Hyperband.
 */
final class FidelityCheck {

    private FidelityCheck() {
    }

    /** One full-budget experiment's loss at the full budget and at each of the budgets asked about. */
    private record Curve(double finalLoss, double[] losses) {
    }

    /**
     * @param budgets budgets below {@code maxBudget} that a bracket would cut at
     * @return true when every one of them would have kept the best full-budget experiment
     */
    static boolean trusted(List<Trial> trials, Objective objective, List<Long> budgets, long maxBudget, int eta) {
        List<Curve> curves = new ArrayList<>();
        for (Trial trial : trials) {
            Curve curve = curve(trial, objective, budgets, maxBudget);
            if (curve != null) {
                curves.add(curve);
            }
        }
        int n = curves.size();
        if (n < eta + 1) {
            return true;
        }
        Curve best = curves.get(0);
        for (Curve curve : curves) {
            if (curve.finalLoss() < best.finalLoss()) {
                best = curve;
            }
        }
        int kept = (n + eta - 1) / eta;
        for (int b = 0; b < budgets.size(); b++) {
            int better = 0;
            for (Curve curve : curves) {
                if (curve != best && curve.losses()[b] < best.losses()[b]) {
                    better++;
                }
            }
            if (better >= kept) {
                return false;
            }
        }
        return true;
    }

    private static Curve curve(Trial trial, Objective objective, List<Long> budgets, long maxBudget) {
        NavigableMap<Long, Double> values = trial.intermediate();
        if (trial.state() != TrialState.COMPLETED || values == null || values.isEmpty()
                || values.lastKey() < maxBudget) {
            return null;
        }
        Double last = valueAt(values, maxBudget);
        if (last == null || !Double.isFinite(objective.loss(last))) {
            return null;
        }
        double[] losses = new double[budgets.size()];
        for (int b = 0; b < losses.length; b++) {
            Double value = valueAt(values, budgets.get(b));
            if (value == null || Double.isNaN(objective.loss(value))) {
                return null;
            }
            losses[b] = objective.loss(value);
        }
        return new Curve(objective.loss(last), losses);
    }

    /** The value reported at the largest iteration not past {@code iteration}, or null when none. */
    private static Double valueAt(NavigableMap<Long, Double> values, long iteration) {
        Map.Entry<Long, Double> entry = values.floorEntry(iteration);
        return entry == null ? null : entry.getValue();
    }
}
