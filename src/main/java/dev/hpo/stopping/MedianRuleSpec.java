package dev.hpo.stopping;

import java.util.List;
import java.util.Map;

import dev.hpo.strategy.Budget;
import dev.hpo.strategy.SettingSpec;
import dev.hpo.strategy.Settings;

/** {@code median}: the median stopping rule, as Optuna's {@code MedianPruner}; see {@link MedianRule}. */
public final class MedianRuleSpec implements StoppingRuleSpec {

    private static final List<SettingSpec> SETTINGS = List.of(
            new SettingSpec("startupTrials", "integer", 5,
                    "No experiment is stopped until this many experiments have completed (pruned ones do not count); >= 0."),
            new SettingSpec("warmupIterations", "integer", 0,
                    "An experiment is not judged while its last reported iteration is below this; >= 0."),
            new SettingSpec("minTrialsAtIteration", "integer", 1,
                    "Fewest completed experiments that must have reached the iteration for a median to count; >= 1."));

    @Override
    public String name() {
        return "median";
    }

    @Override
    public String description() {
        return "Stops an experiment whose best intermediate objective is worse than the median of completed "
                + "experiments at the same iteration (Optuna's MedianPruner).";
    }

    @Override
    public List<SettingSpec> settings() {
        return SETTINGS;
    }

    @Override
    public StoppingRule create(Map<String, Object> settings, Budget budget) {
        Settings checked = Settings.validate("early stopping rule 'median'", settings, SETTINGS);
        return new MedianRule(
                checked.integer("startupTrials", 0, 1_000_000),
                checked.longInteger("warmupIterations", 0, Long.MAX_VALUE),
                checked.integer("minTrialsAtIteration", 1, 1_000_000));
    }
}
