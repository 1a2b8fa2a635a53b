package dev.hpo.strategy.gp;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/**
 * {@code gp}: Gaussian-process Bayesian optimization for one objective, meant for up to about 20 parameters and a
 * few hundred experiments (each suggestion refits the model: cubic in the experiments). Every parameter kind is
 * accepted: numeric ranges (integers and steps as lattices), discrete numbers as ordered ranks, other discrete
 * values and parameter-set choices as categories (Hamming distance in the kernel), see {@link GpEncoding}. A study
 * with several objectives is rejected (use {@code tpe}, which is MOTPE there).
 */
public final class GpSpec implements StrategySpec {

    public static final String NAME = "gp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Gaussian-process Bayesian optimization (Matern-5/2 ARD kernel fitted by MAP, log expected improvement, "
                + "kriging believer for concurrent experiments); one objective, best for small numeric spaces";
    }

    @Override
    public List<SettingSpec> settings() {
        return GpSettings.SPECS;
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        GpSettings validated = GpSettings.from(settings);
        if (objectives != null && objectives.size() > 1) {
            throw new InvalidStrategyException("strategy 'gp' optimizes one objective; this study has "
                    + objectives.size() + " (use 'tpe', which ranks several objectives by Pareto front)");
        }
        return new GpStrategy(validated, space);
    }
}
