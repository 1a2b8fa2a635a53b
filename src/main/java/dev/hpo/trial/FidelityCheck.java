package dev.hpo.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import dev.hpo.objective.Objective;

/**
 * What the study's own learning curves say about cutting at budgets below the full one: the experiments that
 * completed the full budget and reported their curve are ranked at the smaller budget, and the budget is
 * {@link Verdict#CONSISTENT} when the best of them at the full budget would have survived successive halving's cut
 * there (it is among the best {@code ceil(n / eta)} of the {@code n} at that budget), {@link Verdict#MISLEADING}
 * when it would not. Crossing curves (a configuration that learns slowly but ends best) are misleading. With fewer
 * than {@code eta + 1} full curves (a cut needs at least one to drop) the verdict is {@link Verdict#UNKNOWN}.
 * Shared by the Hyperband schedules (they skip a bracket whose cuts are misleading, and run every bracket while
 * unknown, as Hyperband does) and the {@code asha} rule (it stops at a rung only when consistent).
 */
public final class FidelityCheck {

    /** What the full curves say about a set of budgets. */
    public enum Verdict {
        /** Too few full curves to tell. */
        UNKNOWN,
        /** Every budget would have kept the best full-budget experiment. */
        CONSISTENT,
        /** At some budget the best full-budget experiment would have been cut. */
        MISLEADING
    }

    private FidelityCheck() {
    }

    /** One full-budget experiment's loss at the full budget and at each of the budgets asked about. */
    private record Curve(double finalLoss, double[] losses) {
    }

    /**
     * @param trials    the study's experiments; those that completed with intermediate values up to
     *                  {@code maxBudget} are the full curves
     * @param objective the objective the intermediate values are of (compared as losses)
     * @param budgets   budgets below {@code maxBudget} that would be cut at
     * @param eta       the cut keeps the best {@code 1 / eta}
     */
    public static Verdict verdict(List<Trial> trials, Objective objective, List<Long> budgets, long maxBudget,
                                  int eta) {
        List<Curve> curves = new ArrayList<>();
        for (Trial trial : trials) {
            Curve curve = curve(trial, objective, budgets, maxBudget);
            if (curve != null) {
                curves.add(curve);
            }
        }
        int n = curves.size();
        if (n < eta + 1) {
            return Verdict.UNKNOWN;
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
                return Verdict.MISLEADING;
            }
        }
        return Verdict.CONSISTENT;
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
