package dev.hpo.strategy.cmaes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * CMA-ES over the space's numeric parameters (see {@link CmaEsSpec} for the settings and the fallback for the
 * others).
 *
 * <p>Each suggestion draws one member of the current generation from the saved distribution and records its
 * trial number and raw sample in the state. Before drawing, the generation is examined:
 * <ul>
 *   <li>once {@code popsize} members are {@link TrialState#COMPLETED} (the lowest trial numbers first when more
 *       are), the distribution is updated from them, even if other members are still pending: their results then
 *       go unused, as in Optuna;</li>
 *   <li>a {@link TrialState#FAILED} or {@link TrialState#PRUNED} member (or one whose loss is not finite) is
 *       replaced: the generation simply draws another member. When no member is pending and
 *       {@code 2 * popsize} have been drawn without enough results, the update uses the completed ones if there
 *       are at least two, and otherwise starts the generation afresh from the same distribution;</li>
 *   <li>with more experiments in flight than {@code popsize} (concurrency), new members keep coming from the
 *       current distribution, so the strategy never answers {@link Suggestion.Wait}.</li>
 * </ul>
 * The first run's population is {@code popsize}, or by default {@link CmaConstants#budgetedPopulation}. After an
 * update the margin is applied and, with restarts on, {@link RestartCriteria} decide an IPOP restart:
 * doubled population, a uniformly random mean, and {@code sigma0} with the first run's diagonal covariance (see
 * {@code stepScale}).
 *
 * <p>Sampling: the first member of a generation draws the whole generation's normal vectors as one batch
 * ({@link OrthogonalDraws}, unless {@code sampling = independent}); each later member takes the next one from the
 * saved state, and a batch used up (replacements, concurrency) is followed by a new one. A sample outside the box is
 * drawn again independently. When every searched dimension is an integer or stepped range, a sample whose values
 * (with the randomly sampled others) repeat an earlier experiment is drawn again, up to
 * {@value #MAX_REPEAT_DRAWS} times, with a step doubling every {@value #REPEAT_DRAWS_PER_DOUBLING} attempts; only a
 * space whose reachable points are used up gets a repeat. The suggestion is a function of history, state and
 * generator only.
 */
public final class CmaEsStrategy implements SearchStrategy {

    /** Resampling attempts before a sample outside [0, 1]^n is clipped to the box. */
    static final int MAX_RESAMPLING = 100;

    /** Draws, when every searched dimension is a lattice, before an exact repeat of an earlier point is accepted. */
    static final int MAX_REPEAT_DRAWS = 100;

    /** Repeat draws after which the step of the next draw is twice as long. */
    static final int REPEAT_DRAWS_PER_DOUBLING = 10;

    private final CmaEsSettings settings;
    private final CmaEncoding encoding;
    private final Map<String, Object> constants;
    private final SearchSpace others;
    private final int firstPopsize;

    CmaEsStrategy(CmaEsSettings settings, SearchSpace space, Integer totalMaxJobs) {
        this.settings = settings;
        this.encoding = CmaEncoding.of(space);
        this.firstPopsize = settings.popsize() != null ? settings.popsize()
                : CmaConstants.budgetedPopulation(encoding.dimension(), totalMaxJobs);
        Map<String, Object> fixed = new LinkedHashMap<>();
        List<Parameter> rest = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof NumericRange range) {
                if (!encoding.ranges().contains(range)) {
                    fixed.put(range.name(), range.valueAt(range.low()));
                }
            } else {
                rest.add(parameter);
            }
        }
        this.constants = Map.copyOf(fixed);
        this.others = rest.isEmpty() ? null : new SearchSpace(List.copyOf(rest));
    }

    /** Number of numeric parameters CMA-ES searches. */
    int dimension() {
        return encoding.dimension();
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        int number = context.trials().size();
        UniformRandomProvider random = context.random();
        if (context.state().isEmpty() && number < settings.startupTrials()) {
            return new Suggestion.Point(context.space().sample(random), null, null);
        }
        CmaState state = context.state().isEmpty() ? initial(context) : CmaState.fromMap(context.state());
        state = advance(state, context);
        List<double[]> batch = state.draws();
        if (settings.orthogonal() && batch.isEmpty()) {
            batch = OrthogonalDraws.of(encoding.dimension(), state.popsize(), random, settings.stratified());
        }
        boolean fromBatch = !batch.isEmpty();
        double[] x = state.distribution().sample(fromBatch ? batch.get(0) : null, random, MAX_RESAMPLING, 1);
        Map<String, Object> parameters = parametersOf(state.distribution(), x, random);
        // With every searched dimension a lattice, the rounding makes exact repeats likely once the distribution
        // is narrow; a repeat would spend an experiment to learn nothing. So the sample is drawn again, with a step
        // that doubles every REPEAT_DRAWS_PER_DOUBLING attempts: a distribution whose neighbourhood is exhausted
        // must look further. The update then learns from the novel sample (a longer step widens C a little, which
        // is what the margin wants too).
        if (encoding.allDiscrete()) {
            Repeats repeats = Repeats.of(context.trials());
            for (int attempt = 1; attempt <= MAX_REPEAT_DRAWS && repeats.seen(parameters); attempt++) {
                double widen = Math.pow(2, (double) attempt / REPEAT_DRAWS_PER_DOUBLING);
                x = state.distribution().sample(null, random, MAX_RESAMPLING, widen);
                parameters = parametersOf(state.distribution(), x, random);
            }
        }
        return new Suggestion.Point(parameters, null, state.withMember(number, x, batch, fromBatch).toMap());
    }

    private Map<String, Object> parametersOf(CmaDistribution distribution, double[] x, UniformRandomProvider random) {
        double[] evaluated = distribution.evaluated(x);
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < encoding.dimension(); i++) {
            parameters.put(encoding.name(i), encoding.valueAt(i, evaluated[i]));
        }
        parameters.putAll(constants);
        if (others != null) {
            parameters.putAll(others.sample(random));
        }
        return parameters;
    }

    private CmaState initial(StrategyContext context) {
        int n = encoding.dimension();
        double[] mean = new double[n];
        Arrays.fill(mean, 0.5);
        Trial best = settings.startupTrials() > 0 ? bestCompleted(context, context.trials()) : null;
        if (best != null) {
            for (int i = 0; i < n; i++) {
                mean[i] = encoding.coordinateOf(i, best.parameters().get(encoding.name(i)));
            }
        }
        return start(mean, firstPopsize, 0);
    }

    private CmaState start(double[] mean, int popsize, int restarts) {
        CmaDistribution distribution = settings.sameStep()
                ? CmaDistribution.start(mean, settings.sigma0(), encoding.narrowestOverEach())
                : CmaDistribution.start(mean, settings.sigma0());
        if (settings.withMargin()) {
            distribution = Margin.apply(distribution, encoding, Margin.alpha(encoding.dimension(), popsize));
        }
        return new CmaState(popsize, restarts, distribution, List.of());
    }

    /** Updates the distribution when the current generation has its results; otherwise leaves it. */
    private CmaState advance(CmaState state, StrategyContext context) {
        Map<Integer, Trial> byNumber = new HashMap<>();
        for (Trial trial : context.trials()) {
            byNumber.put(trial.number(), trial);
        }
        List<Ranked> completed = new ArrayList<>();
        int pending = 0;
        for (CmaState.Member member : state.members()) {
            Trial trial = byNumber.get(member.trial());
            if (trial == null || trial.state() == TrialState.PENDING) {
                pending++;
            } else if (trial.state() == TrialState.COMPLETED) {
                double loss = loss(context, trial);
                if (Double.isFinite(loss)) {
                    completed.add(new Ranked(member, loss));
                }
            }
        }
        completed.sort(Comparator.comparingInt((Ranked r) -> r.member().trial()));
        if (completed.size() >= state.popsize()) {
            return update(state, completed.subList(0, state.popsize()), context.random());
        }
        if (pending > 0 || state.members().size() < 2 * state.popsize()) {
            return state;
        }
        if (completed.size() >= 2) {
            return update(state, completed, context.random());
        }
        return new CmaState(state.popsize(), state.restarts(), state.distribution(), state.recentBest());
    }

    private CmaState update(CmaState state, List<Ranked> results, UniformRandomProvider random) {
        List<Ranked> ranked = new ArrayList<>(results);
        ranked.sort(Comparator.comparingDouble(Ranked::loss).thenComparingInt(r -> r.member().trial()));
        List<double[]> samples = new ArrayList<>();
        double[] losses = new double[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            samples.add(ranked.get(i).member().x());
            losses[i] = ranked.get(i).loss();
        }
        CmaDistribution next = CmaUpdate.apply(state.distribution(), samples);
        if (settings.withMargin()) {
            next = Margin.apply(next, encoding, Margin.alpha(encoding.dimension(), state.popsize()));
        }
        int historyLength = RestartCriteria.historyLength(encoding.dimension(), state.popsize());
        List<Double> recentBest = new ArrayList<>(state.recentBest());
        recentBest.add(losses[0]);
        while (recentBest.size() > historyLength) {
            recentBest.remove(0);
        }
        if (settings.restarts() && RestartCriteria.converged(next, losses, recentBest, historyLength)) {
            double[] mean = new double[encoding.dimension()];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = random.nextDouble();
            }
            return start(mean, state.popsize() * 2, state.restarts() + 1);
        }
        return new CmaState(state.popsize(), state.restarts(), next, recentBest);
    }

    private Trial bestCompleted(StrategyContext context, List<Trial> trials) {
        Trial best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (Trial trial : trials) {
            if (trial.state() == TrialState.COMPLETED) {
                double loss = loss(context, trial);
                if (loss < bestLoss) {
                    best = trial;
                    bestLoss = loss;
                }
            }
        }
        return best;
    }

    /** The trial's loss, NaN when it has no value (it then counts as failed). */
    private static double loss(StrategyContext context, Trial trial) {
        double[] losses = context.losses(trial);
        return losses == null ? Double.NaN : losses[0];
    }

    private record Ranked(CmaState.Member member, double loss) {
    }
}
