package dev.hpo.strategy.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.hpo.objective.CrowdingDistance;
import dev.hpo.objective.Pareto;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * MOTPE's split for several objectives (Ozaki et al. 2020, as in Optuna 3.1): completed trials enter the good group
 * front by front in non-dominated order until it is full; the front that does not fit whole is thinned greedily by
 * hypervolume contribution with two objectives (Optuna's subset selection), by crowding distance with three or more
 * (a documented simplification: exact hypervolume grows costly there). Pruned trials, and pending ones under the
 * constant liar, are bad. The good group's age weights are Optuna's default ramp, not hypervolume weights.
 */
final class ParetoSplit {

    private ParetoSplit() {
    }

    static TpeSampler.Split of(StrategyContext context, TpeOptions options, boolean constantLiar) {
        List<Trial> completed = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        int ranked = 0;
        for (Trial trial : context.trials()) {
            double[] loss = HistorySplit.completedLosses(context, trial);
            if (loss != null) {
                completed.add(trial);
                losses.add(loss);
                ranked++;
            } else if (trial.state() == TrialState.PRUNED) {
                ranked++;
            }
        }
        int goodCount = Math.min(options.goodCount(ranked), completed.size());
        Set<Integer> good = new HashSet<>();
        for (List<Integer> front : Pareto.frontIndices(losses)) {
            if (good.size() >= goodCount) {
                break;
            }
            int room = goodCount - good.size();
            if (front.size() <= room) {
                good.addAll(front);
            } else {
                good.addAll(thin(front, losses, room));
            }
        }
        Set<Integer> goodNumbers = new HashSet<>();
        for (int index : good) {
            goodNumbers.add(completed.get(index).number());
        }
        List<Observation> goods = new ArrayList<>();
        List<Observation> bads = new ArrayList<>();
        for (Trial trial : context.trials()) {
            double[] loss = HistorySplit.completedLosses(context, trial);
            if (goodNumbers.contains(trial.number())) {
                goods.add(new Observation(trial.parameters(), loss[0]));
            } else if (loss != null || trial.state() == TrialState.PRUNED
                    || (constantLiar && trial.state() == TrialState.PENDING)) {
                bads.add(new Observation(trial.parameters(), loss == null ? Double.POSITIVE_INFINITY : loss[0]));
            }
        }
        return new TpeSampler.Split(goods, bads);
    }

    /** {@code count} members of one front: the most spread-out ones. */
    private static List<Integer> thin(List<Integer> front, List<double[]> losses, int count) {
        int objectives = losses.get(0).length;
        if (objectives == 2) {
            return Hypervolume.greedyHypervolume(front, losses, referencePoint(losses), count);
        }
        double[] crowding = CrowdingDistance.of(front.stream().map(losses::get).toList());
        Integer[] order = new Integer[front.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> crowding[b] != crowding[a] ? Double.compare(crowding[b], crowding[a])
                : Integer.compare(front.get(a), front.get(b)));
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(front.get(order[i]));
        }
        return chosen;
    }

    /** Optuna's reference point: a little beyond the worst value of each objective. */
    private static double[] referencePoint(List<double[]> losses) {
        double[] worst = losses.get(0).clone();
        for (double[] loss : losses) {
            for (int m = 0; m < worst.length; m++) {
                worst[m] = Math.max(worst[m], loss[m]);
            }
        }
        for (int m = 0; m < worst.length; m++) {
            worst[m] = worst[m] == 0 ? 1e-12 : Math.max(1.1 * worst[m], 0.9 * worst[m]);
        }
        return worst;
    }
}
