package dev.hpo.stopping;

import java.util.List;
import java.util.Map;

import dev.hpo.settings.SettingSpec;
import dev.hpo.trial.Budget;

/** One early-stopping rule the service offers, by name, with its documented and validated settings. */
public interface StoppingRuleSpec {

    /** The API name, e.g. {@code median}. */
    String name();

    String description();

    List<SettingSpec> settings();

    /** Builds the rule; throws {@link dev.hpo.settings.InvalidStrategyException} for bad settings. */
    StoppingRule create(Map<String, Object> settings, Budget budget);
}
