package dev.hpo.strategy.hyperband;

import java.util.List;

import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;

/**
 * The validated settings shared by {@code hyperband} and {@code bohb}.
 *
 * @param eta               reduction factor between rungs
 * @param brackets          brackets to run in all, or null to loop brackets until the study's limits end it
 * @param conservativeFirst true when brackets run from the one with full budgets only to the most aggressive one
 *                          ({@code bracketOrder = conservative}), false for Hyperband's most aggressive first
 * @param skipMisleading    true when a bracket whose cuts the study's own full learning curves contradict is skipped
 *                          ({@link dev.hpo.trial.FidelityCheck})
 */
record HyperbandSettings(int eta, Integer brackets, boolean conservativeFirst, boolean skipMisleading) {

    static final String AGGRESSIVE = "aggressive";
    static final String CONSERVATIVE = "conservative";

    /** The settings with {@code bracketOrder} defaulting to {@code defaultOrder}. */
    static List<SettingSpec> specs(String defaultOrder) {
        return List.of(
                new SettingSpec("eta", "integer", 3,
                        "reduction factor: each rung keeps 1/eta of the configurations at eta times the budget; 2..100"),
                new SettingSpec("brackets", "integer", null,
                        "brackets to run in all (default: brackets repeat until the study's job or time limits end it);"
                                + " 1..1000000"),
                new SettingSpec("bracketOrder", "string", defaultOrder,
                        "order of the brackets in each round: 'aggressive' (most configurations at the smallest budget"
                                + " first, as Hyperband and hpbandster) or 'conservative' (the bracket that runs every"
                                + " configuration at the full budget first)"),
                new SettingSpec("skipMisleadingBrackets", "boolean", true,
                        "skip a bracket when the study's own full learning curves say its smaller budgets mislead:"
                                + " the best experiment that ran the full budget would not have survived that bracket's"
                                + " cuts (needs eta + 1 full curves reported as intermediate values; without them every"
                                + " bracket runs, as in plain Hyperband). The bracket of full budgets always runs"));
    }

    static HyperbandSettings from(Settings settings) {
        Integer brackets = settings.has("brackets") ? settings.integer("brackets", 1, 1_000_000) : null;
        boolean conservative = CONSERVATIVE.equals(settings.string("bracketOrder", AGGRESSIVE, CONSERVATIVE));
        return new HyperbandSettings(settings.integer("eta", 2, 100), brackets, conservative,
                settings.bool("skipMisleadingBrackets"));
    }
}
