package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hpo.strategy.StrategyContext;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * Turns a study's history into TPE's good and bad groups.
 *
 * <ul>
 *   <li>Completed trials with finite losses are ranked by loss (one objective) or by non-dominated front
 *       ({@link ParetoSplit}, several objectives).</li>
 *   <li>Pruned trials rank after every completed one, as in Optuna: the further they got (last reported
 *       iteration) the better, then by their last intermediate loss. A pruned trial that reported nothing ranks
 *       last. With several objectives pruned trials are always bad.</li>
 *   <li>Pending trials, with the constant liar, are bad with their parameters (the lie is "worse than
 *       everything"), so suggestions made while they run move away from them. Without it they are ignored.</li>
 *   <li>Failed trials, and completed ones without a finite objective value, are left out of the model.</li>
 * </ul>
 * The good group has {@link TpeOptions#goodCount} of the ranked trials with a result (pending ones not counted, as
 * in Optuna), never a trial whose result is unknown. Both groups keep creation order for the age weights.
 */
final class HistorySplit {

    private HistorySplit() {
    }

    /** Number of trials whose outcome the model can learn from (the startup phase counts these). */
    static int informative(StrategyContext context) {
        int count = 0;
        for (Trial trial : context.trials()) {
            if (trial.state() == TrialState.PRUNED || completedLosses(context, trial) != null) {
                count++;
            }
        }
        return count;
    }

    static TpeSampler.Split of(StrategyContext context, TpeOptions options, boolean constantLiar) {
        if (context.objectives().size() > 1) {
            return ParetoSplit.of(context, options, constantLiar);
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Trial trial : context.trials()) {
            Ranked entry = rank(context, trial, constantLiar);
            if (entry != null) {
                ranked.add(entry);
            }
        }
        List<Ranked> order = new ArrayList<>(ranked);
        order.sort(RANKING);
        int pending = 0;
        for (Ranked entry : ranked) {
            pending += entry.group() == Ranked.PENDING ? 1 : 0;
        }
        int goodCount = options.goodCount(ranked.size() - pending);
        Set<Integer> good = new HashSet<>();
        for (int r = 0; r < goodCount && r < order.size() && order.get(r).group() < Ranked.UNKNOWN; r++) {
            good.add(order.get(r).number());
        }
        List<Observation> goods = new ArrayList<>();
        List<Observation> bads = new ArrayList<>();
        for (Ranked entry : ranked) {
            (good.contains(entry.number()) ? goods : bads).add(new Observation(entry.parameters(), entry.loss()));
        }
        return new TpeSampler.Split(goods, bads);
    }

    /** The trial's losses when it completed with every value finite, else null. */
    static double[] completedLosses(StrategyContext context, Trial trial) {
        if (trial.state() != TrialState.COMPLETED) {
            return null;
        }
        double[] losses = context.losses(trial);
        if (losses == null || losses.length != context.objectives().size()) {
            return null;
        }
        for (double loss : losses) {
            if (!Double.isFinite(loss)) {
                return null;
            }
        }
        return losses;
    }

    private static Ranked rank(StrategyContext context, Trial trial, boolean constantLiar) {
        double[] losses = completedLosses(context, trial);
        if (losses != null) {
            return new Ranked(Ranked.COMPLETED, 0, losses[0], trial.number(), trial.parameters());
        }
        if (trial.state() == TrialState.PRUNED) {
            if (trial.intermediate() != null && !trial.intermediate().isEmpty()) {
                Map.Entry<Long, Double> last = trial.intermediate().lastEntry();
                double loss = context.objectives().get(0).loss(last.getValue());
                if (Double.isFinite(loss)) {
                    return new Ranked(Ranked.PRUNED, -last.getKey(), loss, trial.number(), trial.parameters());
                }
            }
            return new Ranked(Ranked.UNKNOWN, 0, 0, trial.number(), trial.parameters());
        }
        if (trial.state() == TrialState.PENDING && constantLiar) {
            return new Ranked(Ranked.PENDING, 0, 0, trial.number(), trial.parameters());
        }
        return null;
    }

    /** Group, then progress, then loss, then age (one comparator: the chained one was a tenth of a suggestion). */
    private static final Comparator<Ranked> RANKING = (a, b) -> {
        int c = Integer.compare(a.group(), b.group());
        if (c == 0) {
            c = Double.compare(a.progress(), b.progress());
        }
        if (c == 0) {
            c = Double.compare(a.loss(), b.loss());
        }
        return c != 0 ? c : Integer.compare(a.number(), b.number());
    };

    /** Ranking key: group, then progress (minus the last iteration), then loss, then age. */
    private record Ranked(int group, double progress, double loss, int number, Map<String, Object> parameters) {
        static final int COMPLETED = 0;
        static final int PRUNED = 1;
        static final int UNKNOWN = 2;
        static final int PENDING = 3;
    }
}
