package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Trial;
import dev.hpo.strategy.TrialState;

/**
 * BOHB's new configurations (Falkner et al. 2018, as hpbandster does it). With probability {@code randomFraction},
 * or while no budget has enough results, a random point. Otherwise the model of the largest budget that has
 * enough completed results: those results, ranked by loss, split into a good group of
 * {@code max(minPoints, topNPercent% of n)} and a bad group of the next {@code max(minPoints, (100 - topNPercent)% of n)};
 * a budget qualifies when both groups have at least {@code minPoints}. One {@link KernelDensity} per group;
 * {@code numSamples} candidates are drawn from the good one with widened bandwidths and the candidate with the
 * smallest {@code g(x) / l(x)} wins. Parameters the model does not cover (parameter sets, single values) come from
 * a random point. A candidate that repeats an earlier experiment is replaced by a random point.
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
    public Map<String, Object> next(StrategyContext context, Set<String> taken) {
        UniformRandomProvider random = context.random();
        SearchSpace space = context.space();
        if (coordinates.dimension() == 0 || random.nextDouble() < settings.randomFraction()) {
            return RandomConfigurations.fresh(space, random, taken);
        }
        Model model = model(context);
        if (model == null) {
            return RandomConfigurations.fresh(space, random, taken);
        }
        double[] best = null;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < settings.numSamples(); i++) {
            double[] candidate = model.good().sample(random, settings.bandwidthFactor());
            double ratio = Math.max(DENSITY_FLOOR, model.bad().density(candidate))
                    / Math.max(DENSITY_FLOOR, model.good().density(candidate));
            if (ratio < bestRatio) {
                bestRatio = ratio;
                best = candidate;
            }
        }
        Map<String, Object> point = space.sample(random);
        coordinates.decode(best, point);
        if (taken.contains(space.canonicalKey(point))) {
            return RandomConfigurations.fresh(space, random, taken);
        }
        return point;
    }

    /** The densities of the largest budget with enough results, or null when no budget has enough yet. */
    Model model(StrategyContext context) {
        for (int b = budgets.size() - 1; b >= 0; b--) {
            Model model = model(context, budgets.get(b));
            if (model != null) {
                return model;
            }
        }
        return null;
    }

    private Model model(StrategyContext context, long budget) {
        List<Result> results = new ArrayList<>();
        for (Trial trial : context.trials()) {
            if (trial.state() != TrialState.COMPLETED || trial.maxIteration() == null
                    || trial.maxIteration() != budget) {
                continue;
            }
            double loss = context.losses(trial)[0];
            double[] x = coordinates.encode(trial.parameters());
            if (x != null && Double.isFinite(loss)) {
                results.add(new Result(trial.number(), x, loss));
            }
        }
        int n = results.size();
        int goodCount = Math.min(n, Math.max(minPoints, settings.topNPercent() * n / 100));
        int badCount = Math.min(n - goodCount, Math.max(minPoints, (100 - settings.topNPercent()) * n / 100));
        if (goodCount < minPoints || badCount < minPoints) {
            return null;
        }
        results.sort(Comparator.comparingDouble(Result::loss).thenComparingInt(Result::number));
        return new Model(budget, density(results.subList(0, goodCount)),
                density(results.subList(goodCount, goodCount + badCount)));
    }

    private KernelDensity density(List<Result> results) {
        double[][] data = new double[results.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = results.get(i).x();
        }
        return KernelDensity.fit(data, coordinates.categories(), settings.minBandwidth());
    }

    private record Result(int number, double[] x, double loss) {
    }

    /** The good and bad densities of one budget. */
    record Model(long budget, KernelDensity good, KernelDensity bad) {
    }
}
