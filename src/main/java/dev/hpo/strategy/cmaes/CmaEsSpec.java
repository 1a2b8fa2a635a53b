package dev.hpo.strategy.cmaes;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.space.NumericRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/**
 * {@code cmaes}: CMA-ES (Hansen's tutorial) for numeric spaces, with IPOP restarts and a margin for integer and
 * stepped parameters.
 *
 * <p>Every top-level uniform, integer and log-uniform parameter is one dimension, on its search scale (the
 * exponent for log-uniform) normalised to [0, 1]; integers and stepped ranges are rounded by the range itself
 * ({@code NumericRange.valueAt}). Bounds: a sample outside the unit box is drawn again (up to
 * {@value CmaEsStrategy#MAX_RESAMPLING} times) and then clipped. A generation's normal vectors are drawn
 * orthogonal with stratified lengths, and a short study starts with a smaller population (see
 * {@link CmaEsSettings}); in an integer-only space no point is suggested twice while new ones can be reached. Discrete parameters and parameter sets are not
 * modelled: like Optuna's CMA-ES sampler, they are sampled at random, independently, for every suggestion, so a
 * mixed space works. A space without any numeric parameter, or a study with several objectives, is rejected.
 */
public final class CmaEsSpec implements StrategySpec {

    @Override
    public String name() {
        return "cmaes";
    }

    @Override
    public String description() {
        return "CMA-ES on the numeric parameters (integers with a margin), IPOP restarts; others sampled at random";
    }

    @Override
    public List<SettingSpec> settings() {
        return CmaEsSettings.SPECS;
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        CmaEsSettings validated = CmaEsSettings.from(settings);
        if (objectives != null && objectives.size() > 1) {
            throw new InvalidStrategyException("strategy 'cmaes' optimizes one objective; this study has " + objectives.size()
                    + " (use a multi-objective strategy)");
        }
        boolean numeric = space.parameters().stream().anyMatch(NumericRange.class::isInstance);
        if (!numeric) {
            throw new InvalidStrategyException("strategy 'cmaes' needs at least one numeric parameter (uniform, integer or log-uniform);"
                    + " this space has only discrete parameters or parameter sets");
        }
        CmaEsStrategy strategy = new CmaEsStrategy(validated, space, budget == null ? null : budget.totalMaxJobs());
        if (strategy.dimension() == 0) {
            throw new InvalidStrategyException("strategy 'cmaes' needs a numeric parameter with more than one value;"
                    + " every numeric parameter of this space is a single value");
        }
        return strategy;
    }
}
