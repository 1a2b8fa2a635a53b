package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.trial.Trial;

/**
 * Local refinement interleaved with the model's proposals: every {@code every}-th experiment after the start-up
 * phase is the best completed experiment so far with each numeric parameter moved by a Gaussian step (top-level ones
 * and those nested in the combination a parameter set chose), a (1+1) evolution strategy whose step size follows
 * Rechenberg's 1/5th success rule.
 *
 * <p>Why: TPE's kernels never get narrower than a range divided by the good group's size (Optuna's "magic clip",
 * about a twelfth of the range after 100 experiments), so on its own TPE keeps circling an optimum instead of
 * closing in on it. The steps do the closing in; the model keeps exploring in between. Discrete values and parameter
 * sets keep the incumbent's choice (the numbers nested in its combination do move); a step past a bound stops at the
 * bound, so an optimum on a bound is reached exactly.
 *
 * <p>The step size is not saved: it is replayed from the history, where local steps are recognised by their
 * experiment number, so a resumed study continues exactly. A step that beat every completed experiment numbered
 * before it multiplies the size by {@link #GROWTH}, any other completed step divides it by the fourth root of that
 * (the size is steady when one step in five succeeds).
 */
final class LocalSearch {

    /** Step-size factor after a successful step. */
    static final double GROWTH = 2;
    /** The step size never exceeds half of a range. */
    private static final double MAX_SCALE = 0.5;
    /** ...nor falls below a size at which a double's coordinates stop moving. */
    private static final double MIN_SCALE = 1e-12;

    private final int every;
    private final int startup;
    private final double initialScale;

    /**
     * @param every        every how many experiments (counted from the first after {@code startup}) one is a step;
     *                     0 switches local steps off
     * @param startup      experiments sampled at random before the model is used
     * @param initialScale the first step's standard deviation as a fraction of each range (on its search scale)
     */
    LocalSearch(int every, int startup, double initialScale) {
        this.every = every;
        this.startup = startup;
        this.initialScale = initialScale;
    }

    /** Whether the experiment numbered {@code number} is (or was) a local step. */
    boolean due(int number) {
        return every > 0 && number >= startup && (number - startup) % every == every - 1;
    }

    /**
     * A step from the incumbent for the next experiment, or null when no step can be taken (see {@link #origin}).
     */
    Map<String, Object> propose(StrategyContext context, UniformRandomProvider random) {
        Origin origin = origin(context);
        return origin == null ? null : origin.step(context.space(), random);
    }

    /**
     * Where the next steps start and how far they go, replayed from the history once for any number of draws; null
     * when no experiment has completed, the space has no numeric parameter to move, or there are several objectives
     * (no one incumbent).
     */
    Origin origin(StrategyContext context) {
        if (context.objectives().size() != 1) {
            return null;
        }
        double best = Double.POSITIVE_INFINITY;
        Trial incumbent = null;
        double scale = initialScale;
        for (Trial trial : context.trials()) {
            double[] losses = HistorySplit.completedLosses(context, trial);
            if (losses == null) {
                continue;
            }
            if (due(trial.number())) {
                scale = losses[0] < best ? scale * GROWTH : scale / Math.pow(GROWTH, 0.25);
                scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
            }
            if (losses[0] < best) {
                best = losses[0];
                incumbent = trial;
            }
        }
        if (incumbent == null) {
            return null;
        }
        if (movable(context.space(), incumbent.parameters()).isEmpty()) {
            return null;
        }
        return new Origin(incumbent.parameters(), scale);
    }

    /**
     * The numeric ranges a step moves in {@code point}: the top-level ones and those nested in the combination each
     * parameter set chose, where the point has a value for them.
     */
    static List<NumericRange> movable(SearchSpace space, Map<String, Object> point) {
        List<NumericRange> ranges = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof NumericRange range && point.get(range.name()) != null) {
                ranges.add(range);
            } else if (parameter instanceof ParameterSet set) {
                int chosen = Values.chosenCombination(set, point);
                if (chosen < 0) {
                    continue;
                }
                for (Map.Entry<String, Object> entry : set.combinations().get(chosen).entrySet()) {
                    if (entry.getValue() instanceof NumericRange range && point.get(entry.getKey()) != null) {
                        ranges.add(range);
                    }
                }
            }
        }
        return ranges;
    }

    /**
     * The incumbent's parameters and the step size (a fraction of each range).
     *
     * @param from  the best completed experiment's parameters
     * @param scale the steps' standard deviation as a fraction of each numeric range
     */
    record Origin(Map<String, Object> from, double scale) {

        /**
         * {@link #from} with each numeric parameter it has (top-level, or nested in a set's chosen combination) moved
         * by one Gaussian step, stopping at its bounds; the choices stay.
         */
        Map<String, Object> step(SearchSpace space, UniformRandomProvider random) {
            Map<String, Object> point = new LinkedHashMap<>(from);
            for (NumericRange range : movable(space, from)) {
                double at = range.coordinateOf(point.get(range.name()));
                double step = scale * (range.high() - range.low())
                        * NormalMath.inverseCdf(Math.max(Double.MIN_NORMAL, random.nextDouble()));
                point.put(range.name(), range.valueAt(Math.max(range.low(), Math.min(range.high(), at + step))));
            }
            return point;
        }
    }
}
