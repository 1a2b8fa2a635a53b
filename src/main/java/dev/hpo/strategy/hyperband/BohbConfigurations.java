package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.SearchSpace;
import dev.hpo.space.TriedPoints;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.tpe.Observation;
import dev.hpo.strategy.tpe.TpeOptions;
import dev.hpo.strategy.tpe.TpeSampler;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * BOHB's new configurations (Falkner et al. 2018). With probability {@code randomFraction} (default 0.1 for the
 * TPE model, hpbandster's 1/3 for the KDE: see {@link BohbSettings#TPE_RANDOM_FRACTION}), or while no budget
 * has enough results, a random point. Otherwise the completed results of the largest budget that has at least
 * {@code minPointsInModel} (default: modelled parameters + 1) and at least two: ranked by loss (then trial
 * number), the best {@code ceil(topNPercent% of n)} (at least one, at most n - 1) form the good group and the rest
 * the bad group. (hpbandster also asks each group for more points than parameters; that keeps the full-budget
 * model out of reach for most of a study, and on {@code lc_sim_mf}, whose small budgets mislead, it was clearly
 * worse.) Then {@code numSamples} candidates are drawn from a density of the good group and the one that
 * maximises good density over bad density wins:
 * <ul>
 *   <li>{@code model = tpe} (default): the multivariate Parzen estimator of branch {@code tpe}
 *       ({@link TpeSampler}, Optuna's bandwidths and prior component), which also models parameter sets;</li>
 *   <li>{@code model = kde}: hpbandster's product-kernel {@link KernelDensity}, with {@code bandwidthFactor} and
 *       {@code minBandwidth}; parameter sets are then sampled at random.</li>
 * </ul>
 * A candidate that repeats an earlier experiment is replaced by a random point.
 */
final class BohbConfigurations implements ConfigurationSource {

    /** Densities below this count as this, so the ratio stays finite (hpbandster's floor). */
    private static final double DENSITY_FLOOR = 1e-32;

    private final BohbSettings settings;
    private final ModelCoordinates coordinates;
    private final List<Long> budgets;
    private final int minPoints;

    BohbConfigurations(BohbSettings settings, SearchSpace space, List<Long> budgets) {
        this.settings = settings;
        this.coordinates = ModelCoordinates.of(space);
        this.budgets = List.copyOf(budgets);
        this.minPoints = settings.minPointsInModel() != null ? settings.minPointsInModel()
                : coordinates.dimension() + 1;
    }

    @Override
    public Map<String, Object> next(StrategyContext context, TriedPoints taken) {
        UniformRandomProvider random = context.random();
        SearchSpace space = context.space();
        if (coordinates.dimension() == 0 || random.nextDouble() < settings.randomFraction()) {
            return RandomConfigurations.fresh(space, random, taken);
        }
        Split split = split(context);
        if (split == null) {
            return RandomConfigurations.fresh(space, random, taken);
        }
        Map<String, Object> point = settings.kde() ? fromKde(split, space, random) : fromTpe(split, space, random);
        if (taken.contains(point)) {
            return RandomConfigurations.fresh(space, random, taken);
        }
        return point;
    }

    private Map<String, Object> fromTpe(Split split, SearchSpace space, UniformRandomProvider random) {
        TpeOptions options = new TpeOptions(settings.numSamples(), settings.topNPercent() / 100.0, Integer.MAX_VALUE,
                TpeOptions.DEFAULTS.priorWeight(), TpeOptions.DEFAULTS.considerEndpoints(), true);
        return TpeSampler.sample(space, observations(split.good()), observations(split.bad()), options, random);
    }

    private static List<Observation> observations(List<Result> results) {
        List<Observation> observations = new ArrayList<>();
        for (Result result : results) {
            observations.add(new Observation(result.trial().parameters(), result.loss()));
        }
        return observations;
    }

    private Map<String, Object> fromKde(Split split, SearchSpace space, UniformRandomProvider random) {
        KernelDensity good = density(split.good());
        KernelDensity bad = density(split.bad());
        double[] best = null;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < settings.numSamples(); i++) {
            double[] candidate = good.sample(random, settings.bandwidthFactor());
            double ratio = Math.max(DENSITY_FLOOR, bad.density(candidate))
                    / Math.max(DENSITY_FLOOR, good.density(candidate));
            if (ratio < bestRatio) {
                bestRatio = ratio;
                best = candidate;
            }
        }
        Map<String, Object> point = space.sample(random);
        coordinates.decode(best, point);
        return point;
    }

    /** The good and bad results of the largest budget with enough of them, or null when none has enough yet. */
    Split split(StrategyContext context) {
        for (int b = budgets.size() - 1; b >= 0; b--) {
            Split split = split(context, budgets.get(b));
            if (split != null) {
                return split;
            }
        }
        return null;
    }

    private Split split(StrategyContext context, long budget) {
        List<Result> results = new ArrayList<>();
        for (Trial trial : context.trials()) {
            if (trial.state() != TrialState.COMPLETED || trial.maxIteration() == null
                    || trial.maxIteration() != budget) {
                continue;
            }
            double[] losses = context.losses(trial);
            double loss = losses == null ? Double.NaN : losses[0];
            double[] x = coordinates.encode(trial.parameters());
            if (x != null && Double.isFinite(loss)) {
                results.add(new Result(trial, x, loss));
            }
        }
        int n = results.size();
        if (n < Math.max(2, minPoints)) {
            return null;
        }
        int goodCount = Math.max(1, Math.min(n - 1, (int) Math.ceil(settings.topNPercent() * n / 100.0)));
        results.sort(Comparator.comparingDouble(Result::loss).thenComparingInt(r -> r.trial().number()));
        return new Split(budget, List.copyOf(results.subList(0, goodCount)), List.copyOf(results.subList(goodCount, n)));
    }

    private KernelDensity density(List<Result> results) {
        double[][] data = new double[results.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = results.get(i).x();
        }
        return KernelDensity.fit(data, coordinates.categories(), settings.minBandwidth());
    }

    /** One completed experiment of a budget, with its model coordinates. */
    record Result(Trial trial, double[] x, double loss) {
    }

    /** The good and bad results of one budget, best first. */
    record Split(long budget, List<Result> good, List<Result> bad) {
    }
}
