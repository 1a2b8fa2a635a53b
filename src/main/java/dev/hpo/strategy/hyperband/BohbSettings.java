package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.List;

import dev.hpo.strategy.InvalidStrategyException;
import dev.hpo.strategy.SettingSpec;
import dev.hpo.strategy.Settings;

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

    static final List<SettingSpec> SPECS;

    static {
        List<SettingSpec> specs = new ArrayList<>(HyperbandSettings.specs(HyperbandSettings.AGGRESSIVE));
        specs.add(new SettingSpec("model", "string", "tpe",
                "density model per budget: 'tpe' (multivariate Parzen estimator, also models parameter sets) or"
                        + " 'kde' (hpbandster's product kernels; bandwidthFactor and minBandwidth apply to it)"));
        specs.add(new SettingSpec("randomFraction", "number", 1.0 / 3,
                "share of new configurations sampled at random instead of from the model; 0..1"));
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
        return new BohbSettings(kde, settings.number("randomFraction", 0, 1), settings.integer("topNPercent", 1, 99),
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
