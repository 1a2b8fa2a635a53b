package dev.hpo.strategy.gp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.InvalidSpaceException;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * Gaussian-process Bayesian optimization of one objective.
 *
 * <p>Until {@link GpSettings#startupFor} experiments have a result, points of a shifted Halton sequence (the shift
 * drawn at the first suggestion and saved). Then, per suggestion: the completed experiments' losses standardized
 * (mean 0, variance 1), the Matern-5/2 ARD {@link Kernel}'s hyper-parameters fitted by MAP ({@link Evidence},
 * {@link Lbfgs}, warm-started from the previous suggestion's fit kept in the state), the experiments still running
 * added at the posterior mean, the incumbent included (kriging believer, so concurrent slots spread out), and the point of highest
 * {@link LogEi log expected improvement} found by {@link AcquisitionSearch}. Failed experiments are left out, as
 * pruned ones are (their values are not final). Beyond {@link GpSettings#maxHistory()} completed experiments the
 * model keeps the better half of that many and the most recent ones.
 *
 * <p>Saved state: {@code shift} (the Halton shift) and {@code hyper} (the last fit, in log units). The suggestion
 * is a function of history, state and the call's generator, so a restart resumes exactly. A proposal equal to an
 * existing experiment (possible in a discrete space) gives way to the next best candidate, then to an unseen
 * random point; a finite space with no unseen point left is exhausted.
 */
public final class GpStrategy implements SearchStrategy {

    private static final int FIT_ITERATIONS = 40;
    private static final double FIT_TOLERANCE = 1e-2;
    private static final int RANDOM_ATTEMPTS = 64;
    /** Modelled experiments up to which every configured coordinate search runs. */
    static final int FULL_SEARCH_HISTORY = 150;

    private final GpSettings settings;
    private final SearchSpace space;
    private final GpEncoding encoding;
    private final Kernel kernel;

    GpStrategy(GpSettings settings, SearchSpace space) {
        this.settings = settings;
        this.space = space;
        this.encoding = new GpEncoding(space);
        this.kernel = new Kernel(encoding.dimensions());
    }

    /** Coordinates the model has (0 when every parameter holds one value). */
    int dimension() {
        return encoding.size();
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        UniformRandomProvider random = context.random();
        int d = encoding.size();
        Map<String, Object> state = new LinkedHashMap<>(context.state());
        double[] shift = shift(state.get("shift"), d);
        if (shift == null) {
            shift = new double[d];
            for (int j = 0; j < d; j++) {
                shift[j] = random.nextDouble();
            }
            state.put("shift", toList(shift));
        }
        List<double[]> xs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<double[]> pending = new ArrayList<>();
        for (Trial trial : context.trials()) {
            double[] x = trial.parameters() == null ? null : encoding.encode(trial.parameters());
            if (x == null) {
                continue;
            }
            if (trial.state() == TrialState.COMPLETED && trial.values() != null) {
                double loss = context.losses(trial)[0];
                if (Double.isFinite(loss)) {
                    xs.add(x);
                    losses.add(loss);
                }
            } else if (trial.state() == TrialState.PENDING) {
                pending.add(x);
            }
        }
        if (xs.size() > settings.maxHistory()) {
            keepBestAndLatest(xs, losses, settings.maxHistory());
        }
        Map<String, Object> point = null;
        if (d > 0 && xs.size() >= settings.startupFor(d)) {
            point = modelPoint(xs, losses, pending, state, random, context.trials());
        } else if (d > 0) {
            double[] u = Halton.point(context.trials().size(), shift);
            for (int j = 0; j < d; j++) {
                GpDimension dimension = encoding.dimensions().get(j);
                u[j] = dimension.categorical() ? Math.min(dimension.cells() - 1, Math.floor(u[j] * dimension.cells()))
                        : u[j];
            }
            point = encoding.decode(u, random);
            if (repeats(point, context.trials())) {
                point = null;
            }
        }
        if (point == null) {
            point = unseenRandom(context.trials(), random);
        }
        if (point == null) {
            return new Suggestion.Exhausted("every point of the search space has been tried", state);
        }
        return new Suggestion.Point(point, null, state);
    }

    private Map<String, Object> modelPoint(List<double[]> xs, List<Double> losses, List<double[]> pending,
                                           Map<String, Object> state, UniformRandomProvider random,
                                           List<Trial> trials) {
        int n = xs.size();
        double mean = 0;
        for (double loss : losses) {
            mean += loss;
        }
        mean /= n;
        double variance = 0;
        for (double loss : losses) {
            variance += (loss - mean) * (loss - mean);
        }
        double std = Math.sqrt(variance / n);
        if (!(std > 1e-12)) {
            std = 1;
        }
        double[][] x = xs.toArray(new double[0][]);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (losses.get(i) - mean) / std;
        }
        if (settings.warp()) {
            y = PowerTransform.apply(y);
        }
        double best = Double.POSITIVE_INFINITY;
        for (double value : y) {
            best = Math.min(best, value);
        }
        Hyper hyper = fit(x, y, Hyper.fromState(state.get("hyper"), encoding.size()));
        state.put("hyper", hyper.toList());
        Posterior observed = Posterior.of(kernel, hyper, x, y);
        for (double[] running : pending) {
            // kriging believer: a running experiment counts as if it had returned the posterior mean, the incumbent
            // included; otherwise a believed value below the incumbent keeps EI high right beside it
            best = Math.min(best, observed.mean(running));
        }
        Posterior posterior = observed.believing(pending.toArray(new double[0][]));
        List<double[]> incumbents = incumbents(x, y);
        List<AcquisitionSearch.Candidate> ranked = new AcquisitionSearch(encoding.dimensions(), posterior, best)
                .search(incumbents, settings.candidates(), localStarts(n), random);
        Set<String> tried = new HashSet<>();
        for (AcquisitionSearch.Candidate candidate : ranked) {
            String key = java.util.Arrays.toString(candidate.x());
            if (!tried.add(key)) {
                continue;
            }
            Map<String, Object> point = encoding.decode(candidate.x(), random);
            if (!repeats(point, trials)) {
                return point;
            }
            if (tried.size() > 32) {
                break;
            }
        }
        return null;
    }

    /**
     * The coordinate searches to run with {@code n} modelled experiments: {@code localStarts} up to
     * {@link #FULL_SEARCH_HISTORY}, proportionally fewer beyond (at least one when any), since each scored neighbour
     * costs O(n^2) and the searches are most of a suggestion's cost.
     */
    int localStarts(int n) {
        int starts = settings.localStarts();
        if (n <= FULL_SEARCH_HISTORY || starts == 0) {
            return starts;
        }
        return Math.max(1, (int) ((long) starts * FULL_SEARCH_HISTORY / n));
    }

    /** MAP hyper-parameters from the saved fit (or the default start), on at most {@code fitLimit} experiments. */
    private Hyper fit(double[][] x, double[] y, Hyper saved) {
        int n = x.length;
        double[][] fx = x;
        double[] fy = y;
        int limit = settings.fitLimit();
        if (n > limit) {
            fx = new double[limit][];
            fy = new double[limit];
            for (int i = 0; i < limit; i++) {
                int index = (int) Math.round(i * (n - 1.0) / (limit - 1.0));
                fx[i] = x[index];
                fy[i] = y[index];
            }
        }
        Evidence evidence = new Evidence(kernel, fx, fy);
        double[] theta = (saved != null ? saved : Hyper.initial(encoding.size())).theta().clone();
        double value = Lbfgs.minimize(evidence::value, theta, Hyper.LOW, Hyper.HIGH, FIT_ITERATIONS, FIT_TOLERANCE);
        if (!Double.isFinite(value) && saved != null) {
            theta = Hyper.initial(encoding.size()).theta().clone();
            value = Lbfgs.minimize(evidence::value, theta, Hyper.LOW, Hyper.HIGH, FIT_ITERATIONS, FIT_TOLERANCE);
        }
        return Double.isFinite(value) ? new Hyper(theta) : Hyper.initial(encoding.size());
    }

    /**
     * Keeps {@code limit} experiments: the better half of the limit by loss, and the most recent ones for the rest
     * (both in creation order), so the cost of a suggestion stops growing with the history.
     */
    private static void keepBestAndLatest(List<double[]> xs, List<Double> losses, int limit) {
        int n = xs.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(losses.get(a), losses.get(b)));
        boolean[] keep = new boolean[n];
        for (int i = 0; i < limit / 2; i++) {
            keep[order[i]] = true;
        }
        int kept = limit / 2;
        for (int i = n - 1; i >= 0 && kept < limit; i--) {
            if (!keep[i]) {
                keep[i] = true;
                kept++;
            }
        }
        List<double[]> keptX = new ArrayList<>();
        List<Double> keptLosses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                keptX.add(xs.get(i));
                keptLosses.add(losses.get(i));
            }
        }
        xs.clear();
        xs.addAll(keptX);
        losses.clear();
        losses.addAll(keptLosses);
    }

    /** The best experiments' coordinates, best first. */
    private static List<double[]> incumbents(double[][] x, double[] y) {
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
        List<double[]> best = new ArrayList<>();
        for (int i = 0; i < Math.min(4, order.length); i++) {
            best.add(x[order[i]]);
        }
        return best;
    }

    private Map<String, Object> unseenRandom(List<Trial> trials, UniformRandomProvider random) {
        Map<String, Object> point = null;
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
            point = space.sample(random);
            if (!repeats(point, trials)) {
                return point;
            }
        }
        long total;
        try {
            total = space.gridSize();
        } catch (InvalidSpaceException tooLargeToWalk) {
            return point;
        }
        if (total > 1_000_000) {
            return point;
        }
        Set<String> seen = new HashSet<>();
        for (Trial trial : trials) {
            if (trial.parameters() != null) {
                seen.add(space.canonicalKey(trial.parameters()));
            }
        }
        long start = random.nextLong(total);
        for (long i = 0; i < total; i++) {
            Map<String, Object> candidate = space.gridPoint((start + i) % total);
            if (!seen.contains(space.canonicalKey(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean repeats(Map<String, Object> point, List<Trial> trials) {
        for (Trial trial : trials) {
            if (trial.parameters() != null && samePoint(point, trial.parameters())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePoint(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> entry : a.entrySet()) {
            if (!GpEncoding.same(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static double[] shift(Object saved, int d) {
        if (!(saved instanceof List<?> list) || list.size() != d) {
            return null;
        }
        double[] shift = new double[d];
        for (int j = 0; j < d; j++) {
            if (!(list.get(j) instanceof Number number)) {
                return null;
            }
            shift[j] = number.doubleValue();
        }
        return shift;
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
