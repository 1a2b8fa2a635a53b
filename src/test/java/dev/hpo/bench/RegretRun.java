package dev.hpo.bench;

import java.util.Arrays;
import java.util.List;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;

/**
 * One strategy on one problem, one experiment at a time through the tests' sequential driver ({@link SequentialRun}:
 * the loop's seeding, the state through JSON), each experiment finished at once with its raw observation; the
 * regret of the incumbent (the best observation so far, judged by the problem's true value) after every experiment.
 */
final class RegretRun {

    static final Objective OBJECTIVE = new Objective("objective", "value", Sign.MIN);
    static final List<Objective> OBJECTIVES = List.of(OBJECTIVE);

    private RegretRun() {
    }

    static Budget budget(int experiments) {
        return new Budget(null, null, experiments, 1);
    }

    static RunResult run(Problem problem, SearchStrategy strategy, long seed, int experiments) {
        long start = System.nanoTime();
        SequentialRun.Result result = SequentialRun.of(strategy, problem.space(), OBJECTIVES, budget(experiments))
                .finalValuesOnly().stateThroughJson().parametersAsSuggested()
                .evaluation((number, parameters) -> new double[] {problem.evaluate(parameters, number, seed)})
                .run(seed, experiments);
        List<Suggestion> answers = result.suggestions();
        Suggestion last = answers.isEmpty() ? null : answers.get(answers.size() - 1);
        if (last instanceof Suggestion.Wait) {
            throw new IllegalStateException("strategy answered Wait with no experiment running (suggestion "
                    + (answers.size() - 1) + ")");
        }
        double[] regrets = new double[experiments];
        Arrays.fill(regrets, Double.NaN);
        double bestObserved = Double.POSITIVE_INFINITY;
        double incumbentRegret = Double.NaN;
        List<Trial> trials = result.trials();
        for (int n = 0; n < trials.size(); n++) {
            Trial trial = trials.get(n);
            if (trial.values()[0] < bestObserved) {
                bestObserved = trial.values()[0];
                incumbentRegret = problem.trueValue(trial.parameters()) - problem.optimum();
            }
            regrets[n] = incumbentRegret;
        }
        String note = null;
        if (last instanceof Suggestion.Exhausted exhausted) {
            note = "exhausted after " + trials.size() + ": " + exhausted.reason();
            Arrays.fill(regrets, trials.size(), experiments, incumbentRegret);
        }
        return new RunResult(regrets, (System.nanoTime() - start) / 1e9, note);
    }
}
