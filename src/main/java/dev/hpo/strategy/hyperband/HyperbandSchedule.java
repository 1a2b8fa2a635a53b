package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.List;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.trial.Budget;

/**
 * The bracket arithmetic of Hyperband between {@code minBudget} and {@code maxBudget} iterations, with the
 * rounding hpbandster uses (Falkner et al. 2018): {@code sMax = floor(log_eta(max / min))}; bracket {@code s}
 * (from {@code sMax} down to 0, then again) starts {@code n0 = floor((sMax + 1) / (s + 1)) * eta^s}
 * configurations at {@code max * eta^-s} iterations, and its rung {@code i} keeps {@code max(floor(n0 / eta^i), 1)}
 * of them at {@code max * eta^(i - s)} iterations, rounded to whole iterations.
 *
 * <p>For min 1, max 81, eta 3: five brackets of 81, 27, 9, 6 and 5 configurations; the first one runs
 * 81, 27, 9, 3, 1 configurations at 1, 3, 9, 27, 81 iterations.
 *
 * @param minBudget the study's {@code minIterationPerJob}
 * @param maxBudget the study's {@code maxIterationPerJob}
 * @param eta       the reduction factor
 * @param sMax      index of the most exploratory bracket
 */
record HyperbandSchedule(long minBudget, long maxBudget, int eta, int sMax) {

    /** One rung of a bracket: how many configurations run, for how many iterations. */
    record Rung(int configurations, long budget) {
    }

    static HyperbandSchedule of(String owner, Budget budget, int eta) {
        if (budget == null || budget.minIterationPerJob() == null || budget.maxIterationPerJob() == null) {
            throw new InvalidStrategyException(owner + " needs the study's minIterationPerJob and maxIterationPerJob"
                    + " (the smallest and largest iteration budget of an experiment)");
        }
        long min = budget.minIterationPerJob();
        long max = budget.maxIterationPerJob();
        if (min < 1) {
            throw new InvalidStrategyException(owner + ": minIterationPerJob must be at least 1, not " + min);
        }
        if (max < min) {
            throw new InvalidStrategyException(owner + ": maxIterationPerJob (" + max
                    + ") must not be below minIterationPerJob (" + min + ")");
        }
        int sMax = (int) Math.floor(Math.log((double) max / min) / Math.log(eta) + 1e-9);
        return new HyperbandSchedule(min, max, eta, sMax);
    }

    /** The {@code s} of the bracket started {@code index}-th (0-based): sMax, sMax - 1, ..., 0, sMax, ... */
    int bracketOf(int index) {
        return sMax - index % (sMax + 1);
    }

    /**
     * The {@code s} of the bracket started {@code index}-th in the given order: {@link #bracketOf} for the
     * aggressive order, or 0, 1, ..., sMax, 0, ... when the most conservative bracket (full budgets only) comes first.
     */
    int bracketOf(int index, boolean conservativeFirst) {
        return conservativeFirst ? index % (sMax + 1) : bracketOf(index);
    }

    /** The rungs of bracket {@code s}, smallest budget first. */
    List<Rung> rungs(int s) {
        long first = (long) ((sMax + 1) / (s + 1)) * pow(eta, s);
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i <= s; i++) {
            int configurations = (int) Math.max(first / pow(eta, i), 1);
            rungs.add(new Rung(configurations, budget(s - i)));
        }
        return rungs;
    }

    /** Every budget a rung can have, smallest first. */
    List<Long> budgets() {
        List<Long> budgets = new ArrayList<>();
        for (Rung rung : rungs(sMax)) {
            budgets.add(rung.budget());
        }
        return budgets;
    }

    /** {@code max * eta^-k}, rounded to whole iterations and kept within [min, max]. */
    private long budget(int k) {
        long rounded = Math.round(maxBudget / Math.pow(eta, k));
        return Math.max(minBudget, Math.min(maxBudget, rounded));
    }

    private static long pow(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
