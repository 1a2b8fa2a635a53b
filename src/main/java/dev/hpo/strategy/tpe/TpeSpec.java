package dev.hpo.strategy.tpe;

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
 * The {@code tpe} strategy: Tree-structured Parzen Estimator for one objective, MOTPE for several. Every parameter
 * kind is supported; the seed is the study's.
 */
public final class TpeSpec implements StrategySpec {

    public static final String NAME = "tpe";

    private static final List<SettingSpec> SETTINGS = List.of(
            new SettingSpec("startupTrials", "integer", TpeSettings.DEFAULTS.startupTrials(),
                    "Experiments sampled at random before the model is used (>= 0; counted: those with a result)."),
            new SettingSpec("candidates", "integer", TpeOptions.DEFAULTS.candidates(),
                    "Points drawn from the good density per suggestion; the best l(x)/g(x) wins (>= 1)."),
            new SettingSpec("multivariate", "boolean", TpeOptions.DEFAULTS.multivariate(),
                    "One joint density over all top-level parameters instead of one per parameter."),
            new SettingSpec("gamma", "number", TpeOptions.DEFAULTS.gamma(),
                    "Fraction of the ranked experiments that form the good group (0 < gamma < 1)."),
            new SettingSpec("maxGoodTrials", "integer", TpeOptions.DEFAULTS.maxGoodTrials(),
                    "Cap on the size of the good group (>= 1); Optuna's default gamma is min(ceil(0.1 n), 25)."),
            new SettingSpec("priorWeight", "number", TpeOptions.DEFAULTS.priorWeight(),
                    "Weight of the uniform prior component and of the categorical smoothing (> 0)."),
            new SettingSpec("constantLiar", "boolean", TpeSettings.DEFAULTS.constantLiar(),
                    "Running experiments count as bad results at their parameters, so concurrent suggestions spread."),
            new SettingSpec("considerEndpoints", "boolean", TpeOptions.DEFAULTS.considerEndpoints(),
                    "Whether the outermost kernels' bandwidths count the distance to the range's bounds."),
            new SettingSpec("localCandidates", "integer", TpeOptions.DEFAULTS.localCandidates(),
                    "Extra candidates drawn from the good density at a quarter of its bandwidths, so the ratio can pick "
                            + "a refinement near a good point (>= 0)."),
            new SettingSpec("localEvery", "integer", TpeSettings.DEFAULTS.localEvery(),
                    "Every how many experiments after the start-up ones one is a local step: the best completed "
                            + "experiment with its numeric parameters moved by a Gaussian step whose size follows the "
                            + "1/5th success rule (one objective only; 0 = never, 1 = always)."),
            new SettingSpec("localScale", "number", TpeSettings.DEFAULTS.localScale(),
                    "The first local step's standard deviation as a fraction of each numeric range (0 < x < 1)."),
            new SettingSpec("ordinalNumbers", "boolean", TpeOptions.DEFAULTS.ordinalNumbers(),
                    "Model discrete values that are all numbers (3 or more) on the ordered lattice of their ranks "
                            + "instead of as unordered categories."));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Tree-structured Parzen Estimator (Optuna-style, univariate or multivariate, constant liar for "
                + "concurrent experiments); MOTPE when the study has several objectives.";
    }

    @Override
    public List<SettingSpec> settings() {
        return SETTINGS;
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        return new TpeStrategy(parse(settings));
    }

    /** Validates {@code settings} (null means all defaults); throws {@link InvalidStrategyException} naming the key. */
    public static TpeSettings parse(Map<String, Object> settings) {
        Settings given = Settings.validate("strategy 'tpe'", settings, SETTINGS);
        TpeOptions model = new TpeOptions(
                given.integer("candidates", 1, 100_000),
                given.number("gamma", 0, 1, true),
                given.integer("maxGoodTrials", 1, Integer.MAX_VALUE),
                given.number("priorWeight", 0, Double.POSITIVE_INFINITY, true),
                given.bool("considerEndpoints"),
                given.bool("multivariate"),
                given.integer("localCandidates", 0, 100_000),
                given.bool("ordinalNumbers"));
        return new TpeSettings(given.integer("startupTrials", 0, Integer.MAX_VALUE), given.bool("constantLiar"), model,
                given.integer("localEvery", 0, Integer.MAX_VALUE), given.number("localScale", 0, 1, true));
    }
}
