package dev.hpo.stopping;

import java.util.List;
import java.util.Map;

import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;
import dev.hpo.trial.Budget;

/** {@code median}: the median stopping rule, as Optuna's {@code MedianPruner}; see {@link MedianRule}. */
public final class MedianRuleSpec implements StoppingRuleSpec {

    private static final List<SettingSpec> SETTINGS = List.of(
            new SettingSpec("startupTrials", "integer", 5,
                    "No experiment is stopped until this many experiments have completed (pruned ones do not count); >= 0."),
            new SettingSpec("warmupIterations", "integer", 0,
                    "An experiment is not judged while its last reported iteration is below this; >= 0."),
            new SettingSpec("warmupFraction", "number", 0.25,
                    "Nor while its last reported iteration is below this fraction of a full experiment's iterations "
                            + "(the study's maxIterationPerJob, else the furthest iteration a completed experiment "
                            + "reported): early iterations mostly say where a curve started; 0 to 1, 0 for none."),
            new SettingSpec("minTrialsAtIteration", "integer", 5,
                    "Fewest completed experiments that must have reached the iteration for a median to count; >= 1."),
            new SettingSpec("reference", "string", "running_average",
                    "What of the completed experiments the median is taken of: running_average (the mean of what each "
                            + "reported up to the iteration, Google Vizier's rule: stops only experiments clearly behind) "
                            + "or value (each one's value at the iteration, Optuna's MedianPruner: stricter)."));

    @Override
    public String name() {
        return "median";
    }

    @Override
    public String description() {
        return "Stops an experiment whose best intermediate objective is worse than the median of the completed "
                + "experiments' running averages at the same iteration (Google Vizier; reference=value: Optuna's "
                + "MedianPruner), after a warm-up of a quarter of the learning curve.";
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
                checked.number("warmupFraction", 0, 1),
                checked.integer("minTrialsAtIteration", 1, 1_000_000),
                checked.string("reference", "running_average", "value").equals("running_average"));
    }
}
