package dev.hpo.bench;

import java.util.List;

/**
 * One line of the quality table: per-seed runs of one strategy row on one problem, and the random-search runs
 * with the same seeds it is compared with.
 */
record QualityRow(String problem, String strategy, List<RunResult> runs, List<RunResult> randomRuns) {

    double medianAfter(int experiments) {
        return Stats.median(regretsAfter(runs, experiments));
    }

    double quantileAfter(int experiments, double q) {
        return Stats.quantile(regretsAfter(runs, experiments), q);
    }

    /** Percent of seeds where this row's regret after {@code experiments} is below random search's; ties half. */
    double winPercent(int experiments) {
        double wins = 0;
        for (int s = 0; s < runs.size(); s++) {
            double mine = runs.get(s).regretAfter(experiments);
            double theirs = randomRuns.get(s).regretAfter(experiments);
            wins += mine < theirs ? 1 : mine == theirs ? 0.5 : 0;
        }
        return 100 * wins / runs.size();
    }

    double medianSeconds() {
        return Stats.median(runs.stream().mapToDouble(RunResult::seconds).toArray());
    }

    private static double[] regretsAfter(List<RunResult> runs, int experiments) {
        return runs.stream().mapToDouble(r -> r.regretAfter(experiments)).toArray();
    }
}
