package dev.hpo.strategy.hyperband;

import java.util.List;

import dev.hpo.strategy.SettingSpec;
import dev.hpo.strategy.Settings;

/**
 * The validated settings shared by {@code hyperband} and {@code bohb}.
 *
 * @param eta      reduction factor between rungs
 * @param brackets brackets to run in all, or null to loop brackets until the study's limits end it
 */
record HyperbandSettings(int eta, Integer brackets) {

    static final List<SettingSpec> SPECS = List.of(
            new SettingSpec("eta", "integer", 3,
                    "reduction factor: each rung keeps 1/eta of the configurations at eta times the budget; 2..100"),
            new SettingSpec("brackets", "integer", null,
                    "brackets to run in all (default: brackets repeat until the study's job or time limits end it);"
                            + " 1..1000000"));

    static HyperbandSettings from(Settings settings) {
        Integer brackets = settings.has("brackets") ? settings.integer("brackets", 1, 1_000_000) : null;
        return new HyperbandSettings(settings.integer("eta", 2, 100), brackets);
    }
}
