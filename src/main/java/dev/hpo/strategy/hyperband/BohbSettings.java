package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.List;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;

/**
 * The validated settings of {@code bohb} beyond Hyperband's (defaults of Falkner et al. 2018 / hpbandster).
 *
 * @param kde              true for hpbandster's kernel density, false for the TPE model of branch {@code tpe}
 * @param randomFraction   share of new configurations drawn at random even when a model exists
 * @param topNPercent      percentage of a budget's results that form the good group
 * @param numSamples       candidates drawn from the good density per new configuration
 * @param bandwidthFactor  widening of the bandwidths when drawing candidates
 * @param minBandwidth     smallest bandwidth, so the model keeps exploring
 * @param minPointsInModel results a budget needs for its model, or null for the number of modelled parameters + 1
 */
record BohbSettings(boolean kde, double randomFraction, int topNPercent, int numSamples, double bandwidthFactor,
                    double minBandwidth, Integer minPointsInModel) {

    /** hpbandster's share of random configurations: its kernel densities have no component that explores. */
    static final double KDE_RANDOM_FRACTION = 1.0 / 3;
    /**
     * The TPE model mixes a prior component (the whole range) into the good density, so it explores on its own;
     * a third of random configurations on top is mostly wasted when the schedule runs most configurations at the
     * full budget. On {@code lc_sim_mf} (60 seeds, @30 x 81 epochs, misleading brackets skipped) the random
     * fraction 1/3, 0.2, 0.1, 0.05, 0 gave 0.0122, 0.0090, 0.0093, 0.0059, 0.0061; 0.1 keeps a share of
     * model-free points as the hedge against a misled model that hpbandster's guarantee relies on.
     */
    static final double TPE_RANDOM_FRACTION = 0.1;

    static final List<SettingSpec> SPECS;

    static {
        List<SettingSpec> specs = new ArrayList<>(HyperbandSettings.specs(HyperbandSettings.AGGRESSIVE));
        specs.add(new SettingSpec("model", "string", "tpe",
                "density model per budget: 'tpe' (multivariate Parzen estimator, also models parameter sets) or"
                        + " 'kde' (hpbandster's product kernels; bandwidthFactor and minBandwidth apply to it)"));
        specs.add(new SettingSpec("randomFraction", "number", null,
                "share of new configurations sampled at random instead of from the model; 0..1. Default: 0.1 with"
                        + " model 'tpe' (its prior component already explores), 1/3 with 'kde' (hpbandster's)"));
        specs.add(new SettingSpec("topNPercent", "integer", 15,
                "percentage of a budget's results that form the good density; 1..99"));
        specs.add(new SettingSpec("numSamples", "integer", 64,
                "candidates drawn from the good density for each new configuration; 1..10000"));
        specs.add(new SettingSpec("bandwidthFactor", "number", 3,
                "model 'kde': factor widening the bandwidths when candidates are drawn; above 0"));
        specs.add(new SettingSpec("minBandwidth", "number", 1e-3,
                "model 'kde': smallest bandwidth of the densities (coordinates are in [0, 1]); above 0, at most 1"));
        specs.add(new SettingSpec("minPointsInModel", "integer", null,
                "completed results a budget needs before its model is used (at least 2);"
                        + " default: modelled parameters + 1; 1..100000"));
        SPECS = List.copyOf(specs);
    }

    static BohbSettings from(Settings settings) {
        Integer minPoints = settings.has("minPointsInModel") ? settings.integer("minPointsInModel", 1, 100_000) : null;
        boolean kde = "kde".equals(settings.string("model", "tpe", "kde"));
        double randomFraction = settings.has("randomFraction") ? settings.number("randomFraction", 0, 1)
                : kde ? KDE_RANDOM_FRACTION : TPE_RANDOM_FRACTION;
        return new BohbSettings(kde, randomFraction, settings.integer("topNPercent", 1, 99),
                settings.integer("numSamples", 1, 10_000),
                settings.number("bandwidthFactor", 0, Double.POSITIVE_INFINITY, true),
                minBandwidth(settings), minPoints);
    }

    private static double minBandwidth(Settings settings) {
        double value = settings.number("minBandwidth", 0, 1);
        if (value == 0) {
            throw new InvalidStrategyException("strategy 'bohb': setting 'minBandwidth' must be above 0, not 0");
        }
        return value;
    }
}
