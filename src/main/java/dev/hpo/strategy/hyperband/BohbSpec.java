package dev.hpo.strategy.hyperband;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/**
 * {@code bohb} (Falkner et al. 2018): Hyperband's schedule, with new configurations from a density model fit on
 * the largest budget with enough results ({@link BohbConfigurations}): by default the multivariate TPE model of
 * branch {@code tpe}, or hpbandster's kernel density ({@code model = kde}). Log-uniform parameters are modelled
 * on their exponent but always sent as {@code base ** exponent}, never the exponent (ClearML's BOHB bug). Needs {@code minIterationPerJob} and
 * {@code maxIterationPerJob}; one objective only.
 */
public final class BohbSpec implements StrategySpec {

    @Override
    public String name() {
        return "bohb";
    }

    @Override
    public String description() {
        return "BOHB: Hyperband brackets with new configurations from a per-budget density model (TPE or KDE)";
    }

    @Override
    public List<SettingSpec> settings() {
        return BohbSettings.SPECS;
    }

    /** Brackets promote by the values reached at each rung's budget. */
    @Override
    public boolean readsIntermediateValues() {
        return true;
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        Settings given = Settings.validate("strategy 'bohb'", settings, BohbSettings.SPECS);
        HyperbandSettings schedule = HyperbandSettings.from(given);
        BohbSettings model = BohbSettings.from(given);
        HyperbandSpec.singleObjective("bohb", objectives);
        HyperbandSchedule plan = HyperbandSchedule.of("strategy 'bohb'", budget, schedule.eta());
        return new HyperbandStrategy(plan, schedule, new BohbConfigurations(model, space, plan.budgets()));
    }
}
