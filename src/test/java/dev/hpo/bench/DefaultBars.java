package dev.hpo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The bars of the {@code gp} and {@code auto} rows (issue 12), printed when those rows ran.
 *
 * <p>{@code gp}: median regret no worse than Optuna 3.1's {@code tpe} anchor after 50 and after 100 experiments
 * (compared at the anchors' printed precision). {@code auto}: no worse than the best of {@code random}, {@code tpe},
 * {@code tpe_mv} and {@code cmaes} (the one with the lowest median after 100) by more than the seed noise. The
 * noise is measured by a paired bootstrap over seeds: {@value #RESAMPLES} resamples of the seeds with replacement
 * (the same seeds for both rows, as every row runs on the same seeds), the median of each row's regrets after 100
 * on the resample, and the 5% and 95% quantiles of their difference {@code auto - best}. {@code auto} fails only
 * when even the 5% quantile is above 0, i.e. when it is worse on at least 95% of resamples. Beside it, the
 * {@link #halfSpread split-half spread} of the best row shows the noise without resampling.
 */
final class DefaultBars {

    static final int RESAMPLES = 2000;
    private static final List<String> BASELINES = List.of("random", "tpe", "tpe_mv", "cmaes");

    private DefaultBars() {
    }

    static String format(List<QualityRow> rows, Anchors anchors, int trials) {
        StringBuilder out = new StringBuilder();
        List<QualityRow> gp = rows.stream().filter(r -> r.strategy().equals("gp")).toList();
        if (!gp.isEmpty() && trials >= 100) {
            out.append("gp vs optuna 3.1 tpe (ANCHORS.md), median regret; bar: gp <= optuna tpe at 50 and 100\n");
            out.append(String.format("%-22s %10s %10s %10s %10s  %s%n", "problem", "gp@50", "optuna@50", "gp@100",
                    "optuna@100", "verdict"));
            for (QualityRow row : gp) {
                double[] anchor = anchors.quality().get(row.problem() + "/tpe");
                if (anchor == null) {
                    continue;
                }
                double at50 = row.medianAfter(50);
                double at100 = row.medianAfter(100);
                boolean ok = notWorse(at50, anchor[1]) && notWorse(at100, anchor[2]);
                out.append(String.format("%-22s %10s %10s %10s %10s  %s%n", row.problem(), PyFormat.g(at50, 4),
                        PyFormat.g(anchor[1], 4), PyFormat.g(at100, 4), PyFormat.g(anchor[2], 4), ok ? "ok" : "WORSE"));
            }
        }
        Map<String, List<QualityRow>> byProblem = new TreeMap<>();
        rows.forEach(r -> byProblem.computeIfAbsent(r.problem(), p -> new ArrayList<>()).add(r));
        List<String> lines = new ArrayList<>();
        for (String problem : rows.stream().map(QualityRow::problem).distinct().toList()) {
            List<QualityRow> here = byProblem.get(problem);
            QualityRow auto = here.stream().filter(r -> r.strategy().equals("auto")).findFirst().orElse(null);
            QualityRow best = here.stream().filter(r -> BASELINES.contains(r.strategy()))
                    .min((a, b) -> Double.compare(a.medianAfter(trials), b.medianAfter(trials))).orElse(null);
            if (auto == null || best == null) {
                continue;
            }
            double[] interval = pairedDifference(regrets(auto, trials), regrets(best, trials));
            boolean worse = interval[0] > 0;
            lines.add(String.format("%-22s %-8s %10s %10s [%10s, %10s] %10s  %s%n", problem, best.strategy(),
                    PyFormat.g(best.medianAfter(trials), 4), PyFormat.g(auto.medianAfter(trials), 4),
                    PyFormat.g(interval[0], 3), PyFormat.g(interval[1], 3),
                    PyFormat.g(halfSpread(regrets(best, trials)), 3), worse ? "WORSE" : "ok"));
        }
        if (!lines.isEmpty()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(String.format("auto vs the best of random, tpe, tpe_mv, cmaes after %d; noise: paired bootstrap "
                    + "(%d resamples of the seeds) of median(auto) - median(best), 5%%..95%%; WORSE when 5%% > 0; "
                    + "halves: |median of the first half of the seeds - median of the second| of the best row%n",
                    trials, RESAMPLES));
            out.append(String.format("%-22s %-8s %10s %10s  %-24s %10s  %s%n", "problem", "best", "best med", "auto med",
                    "auto - best, 90%", "halves", "verdict"));
            lines.forEach(out::append);
        }
        return out.toString();
    }

    private static boolean notWorse(double ours, double optuna) {
        return Double.parseDouble(PyFormat.g(ours, 4)) <= optuna;
    }

    private static double[] regrets(QualityRow row, int trials) {
        return row.runs().stream().mapToDouble(r -> r.regretAfter(trials)).toArray();
    }

    /**
     * A second, resampling-free look at the seed noise: how far apart the medians of two disjoint seed sets (the
     * first and the second half of the seeds) are.
     */
    static double halfSpread(double[] regrets) {
        int half = regrets.length / 2;
        double first = Stats.median(Arrays.copyOfRange(regrets, 0, half));
        double second = Stats.median(Arrays.copyOfRange(regrets, half, regrets.length));
        return Math.abs(first - second);
    }

    /** 5% and 95% quantiles of median(a*) - median(b*) over paired resamples of the seeds (fixed generator). */
    static double[] pairedDifference(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        SplittableRandom random = new SplittableRandom(12);
        double[] differences = new double[RESAMPLES];
        double[] sa = new double[n];
        double[] sb = new double[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                sa[i] = a[pick];
                sb[i] = b[pick];
            }
            differences[r] = Stats.median(sa) - Stats.median(sb);
        }
        Arrays.sort(differences);
        return new double[] {Stats.quantile(differences, 0.05), Stats.quantile(differences, 0.95)};
    }
}
