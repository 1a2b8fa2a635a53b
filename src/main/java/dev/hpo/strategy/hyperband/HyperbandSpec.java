package dev.hpo.strategy.hyperband;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/**
 * {@code hyperband} (Li et al. 2018): brackets of successive halving over the study's iteration budgets, between
 * {@code minIterationPerJob} and {@code maxIterationPerJob} (both required), with random configurations.
 * Each experiment gets its rung's budget as {@code maxIteration}; a promoted configuration is run again as a new
 * experiment with the same parameters and a larger budget (see {@link HyperbandStrategy}). Bracket sizes are
 * hpbandster's ({@link HyperbandSchedule}). One objective only.
 */
public final class HyperbandSpec implements StrategySpec {

    private static final List<SettingSpec> SPECS = HyperbandSettings.specs(HyperbandSettings.AGGRESSIVE);

    @Override
    public String name() {
        return "hyperband";
    }

    @Override
    public String description() {
        return "Hyperband: successive-halving brackets over the iteration budget, random configurations";
    }

    @Override
    public List<SettingSpec> settings() {
        return SPECS;
    }

    /** Brackets promote by the values reached at each rung's budget. */
    @Override
    public boolean readsIntermediateValues() {
        return true;
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        HyperbandSettings validated = HyperbandSettings.from(Settings.validate("strategy 'hyperband'", settings,
                SPECS));
        singleObjective("hyperband", objectives);
        HyperbandSchedule schedule = HyperbandSchedule.of("strategy 'hyperband'", budget, validated.eta());
        return new HyperbandStrategy(schedule, validated, new RandomConfigurations());
    }

    static void singleObjective(String name, List<Objective> objectives) {
        if (objectives != null && objectives.size() > 1) {
            throw new InvalidStrategyException("strategy '" + name + "' optimizes one objective; this study has "
                    + objectives.size() + " (use a multi-objective strategy)");
        }
    }
}
