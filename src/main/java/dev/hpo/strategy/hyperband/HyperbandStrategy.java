package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hpo.space.TriedPoints;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.FidelityCheck;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * Hyperband brackets of successive halving, run as suggestions (shared by {@code hyperband} and {@code bohb}).
 *
 * <p>Every suggestion is a {@link Suggestion.Point} whose {@code maxIteration} is its rung's budget: the study
 * loop stops the experiment at that iteration and its objective value then is the rung's result. A bracket
 * first launches its new configurations (from the {@link ConfigurationSource}); when every experiment of a rung
 * has ended, the best {@code n} of the completed ones (lowest loss, then lowest trial number) are promoted: each is
 * run again as a new experiment with the same parameters and the next rung's larger budget. That is the only
 * way a point repeats, always with a larger budget. Failed and pruned experiments are not promoted, and a rung
 * with fewer completed results than promotion slots promotes all it has; a rung with none ends its bracket.
 *
 * <p>Concurrency (as hpbandster): when every running bracket waits for pending results, a free slot starts the
 * next bracket in parallel; only when no bracket may start ({@code brackets} reached) the answer is
 * {@link Suggestion.Wait}. {@link Suggestion.Exhausted} comes when the last allowed bracket has finished, or when
 * the space has no new configuration left and nothing is running. The brackets' progress (trial numbers per rung,
 * promotions still to launch) lives in the saved state.
 *
 * <p>Bracket order ({@code bracketOrder}): Hyperband's analysis treats its brackets as a hedge over how much the
 * small budgets can be trusted and does not depend on their order; hpbandster runs the most aggressive one first,
 * and that stays the default. {@code conservative} runs the bracket of full budgets first, so the first results
 * are plain random search at the full budget and BOHB's full-budget model exists after two brackets.
 *
 * <p>Skipping misleading brackets ({@code skipMisleadingBrackets}, default on): the hedge costs a whole round of
 * brackets whatever the study has learnt, and on problems whose curves cross (a slowly learning configuration ends
 * best) every bracket but the last one spends most of its budget promoting the wrong configurations. So when a
 * bracket is about to start, the study's own full learning curves are asked ({@link FidelityCheck}): if the best
 * experiment that ran the full budget would not have survived one of the bracket's cuts, the bracket is skipped
 * and the next one of the order is considered; the bracket of full budgets never is. Until {@code eta + 1} full
 * curves exist (in the aggressive order: after the first round) every bracket runs, as in Hyperband, so a study
 * whose small budgets are reliable keeps all of them. On {@code lc_sim_mf} (20 seeds, regret @10/@30/@100 x 81
 * epochs) it took {@code hyperband} from 0.067/0.035/0.016 to 0.067/0.029/0.013 and {@code bohb} from
 * 0.159/0.0165/0.0046 to 0.159/0.0108/0.00072 (started 930 to 270), with randomFraction 0.1 in both. It works
 * from the saved state's {@code position} in the order, which runs ahead of {@code started} by the skipped brackets.
 * With the conservative order it judged from the first bracket's five curves and measured worse (bohb
 * 0.0129 @30), so the aggressive order stays the default.
 */
final class HyperbandStrategy implements SearchStrategy {

    private final HyperbandSchedule schedule;
    private final Integer bracketLimit;
    private final boolean conservativeFirst;
    private final boolean skipMisleading;
    private final ConfigurationSource source;

    HyperbandStrategy(HyperbandSchedule schedule, HyperbandSettings settings, ConfigurationSource source) {
        this.schedule = schedule;
        this.bracketLimit = settings.brackets();
        this.conservativeFirst = settings.conservativeFirst();
        this.skipMisleading = settings.skipMisleading();
        this.source = source;
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        HyperbandState state = HyperbandState.fromMap(context.state());
        Work work = new Work(context);
        for (Iterator<Bracket> it = state.brackets.iterator(); it.hasNext(); ) {
            Bracket bracket = it.next();
            Suggestion.Point point = next(bracket, work);
            if (work.finished) {
                it.remove();
                work.finished = false;
            }
            if (point != null) {
                return withState(point, state);
            }
        }
        if (bracketLimit == null || state.started < bracketLimit) {
            int position = nextPosition(state.position, context);
            int s = schedule.bracketOf(position, conservativeFirst);
            Bracket bracket = new Bracket(state.started, s, schedule.rungs(s).get(0).configurations());
            // A fresh bracket launches at once unless the space has no new configuration left.
            Suggestion.Point point = next(bracket, work);
            if (point != null) {
                state.started++;
                state.position = position + 1;
                state.brackets.add(bracket);
                return withState(point, state);
            }
        }
        if (state.brackets.isEmpty()) {
            String reason = work.spaceUsedUp ? "no configuration left that has not been tried"
                    : "all " + bracketLimit + " brackets finished";
            return new Suggestion.Exhausted(reason, state.toMap());
        }
        return new Suggestion.Wait(state.toMap());
    }

    /**
     * The position in the bracket order of the next bracket to start: {@code position} itself, or with
     * {@code skipMisleadingBrackets} the first from there whose cuts the study's full learning curves do not
     * contradict. The bracket of full budgets ({@code s = 0}) has no cut and comes once per round, so this ends.
     */
    private int nextPosition(int position, StrategyContext context) {
        if (!skipMisleading) {
            return position;
        }
        int s = schedule.bracketOf(position, conservativeFirst);
        while (s > 0 && FidelityCheck.verdict(context.trials(), context.objectives().get(0), cutBudgets(s),
                schedule.maxBudget(), schedule.eta()) == FidelityCheck.Verdict.MISLEADING) {
            position++;
            s = schedule.bracketOf(position, conservativeFirst);
        }
        return position;
    }

    /** The budgets at which bracket {@code s} cuts: every rung's but the last. */
    private List<Long> cutBudgets(int s) {
        List<HyperbandSchedule.Rung> rungs = schedule.rungs(s);
        List<Long> budgets = new ArrayList<>();
        for (int i = 0; i < rungs.size() - 1; i++) {
            budgets.add(rungs.get(i).budget());
        }
        return budgets;
    }

    private static Suggestion.Point withState(Suggestion.Point point, HyperbandState state) {
        return new Suggestion.Point(point.parameters(), point.maxIteration(), state.toMap());
    }

    /** The bracket's next experiment, or null when it waits for results or has finished ({@code work.finished}). */
    private Suggestion.Point next(Bracket bracket, Work work) {
        List<HyperbandSchedule.Rung> rungs = schedule.rungs(bracket.s);
        while (true) {
            long budget = rungs.get(bracket.rung).budget();
            if (bracket.rung == 0 && bracket.currentMembers().size() < bracket.firstRungSize) {
                Map<String, Object> configuration = source.next(work.context, work.taken());
                if (configuration != null) {
                    return launch(bracket, configuration, budget, work);
                }
                work.spaceUsedUp = true;
                bracket.firstRungSize = bracket.currentMembers().size();
            } else if (!bracket.promotions.isEmpty()) {
                Trial promoted = work.trial(bracket.promotions.remove(0));
                return launch(bracket, new LinkedHashMap<>(promoted.parameters()), budget, work);
            }
            List<Integer> members = bracket.currentMembers();
            if (members.stream().anyMatch(work::pending)) {
                return null;
            }
            if (bracket.rung == rungs.size() - 1) {
                work.finished = true;
                return null;
            }
            List<Integer> best = best(members, rungs.get(bracket.rung + 1).configurations(), work);
            if (best.isEmpty()) {
                work.finished = true;
                return null;
            }
            bracket.promote(best);
        }
    }

    private static Suggestion.Point launch(Bracket bracket, Map<String, Object> parameters, long budget, Work work) {
        bracket.currentMembers().add(work.number);
        return new Suggestion.Point(parameters, budget, null);
    }

    /** The {@code count} completed members with the lowest loss (ties: lowest trial number). */
    private static List<Integer> best(List<Integer> members, int count, Work work) {
        List<Trial> completed = new ArrayList<>();
        for (int number : members) {
            Trial trial = work.trial(number);
            if (trial != null && trial.state() == TrialState.COMPLETED && Double.isFinite(work.loss(trial))) {
                completed.add(trial);
            }
        }
        completed.sort(Comparator.comparingDouble(work::loss).thenComparingInt(Trial::number));
        List<Integer> best = new ArrayList<>();
        for (int i = 0; i < Math.min(count, completed.size()); i++) {
            best.add(completed.get(i).number());
        }
        return best;
    }

    /** What one suggestion works with: the history by number, and the points already tried (built on demand). */
    private static final class Work {
        final StrategyContext context;
        final int number;
        final Map<Integer, Trial> byNumber = new HashMap<>();
        private TriedPoints taken;
        boolean finished;
        boolean spaceUsedUp;

        Work(StrategyContext context) {
            this.context = context;
            this.number = context.trials().size();
            for (Trial trial : context.trials()) {
                byNumber.put(trial.number(), trial);
            }
        }

        Trial trial(int number) {
            return byNumber.get(number);
        }

        /** A member the history does not have counts as ended without a result, so no bracket waits forever. */
        boolean pending(int number) {
            Trial trial = byNumber.get(number);
            return trial != null && trial.state() == TrialState.PENDING;
        }

        double loss(Trial trial) {
            double[] losses = context.losses(trial);
            return losses == null ? Double.NaN : losses[0];
        }

        /**
         * Every earlier experiment's parameters, whatever its budget: a new configuration must differ from all of
         * them (a promotion is the only way a point repeats). {@link TriedPoints} compares cheap point ids instead
         * of building a canonical key per experiment, which dominated a suggestion's cost on long histories.
         */
        TriedPoints taken() {
            if (taken == null) {
                List<Map<String, Object>> points = new ArrayList<>(context.trials().size());
                for (Trial trial : context.trials()) {
                    points.add(trial.parameters());
                }
                taken = context.space().triedPoints(points);
            }
            return taken;
        }
    }
}
