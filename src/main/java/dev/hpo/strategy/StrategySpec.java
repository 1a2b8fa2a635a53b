package dev.hpo.strategy;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.space.SearchSpace;
import dev.hpo.trial.Budget;

/**
 * One strategy the service offers, by name: its documented settings, and a factory that validates them.
 */
public interface StrategySpec {

    /** The API name, e.g. {@code random}. */
    String name();

    /** One line on what it does, for the API and the docs. */
    String description();

    /** Each setting it accepts, with its default. */
    List<SettingSpec> settings();

    /**
     * Whether keys beyond {@link #settings()} are accepted and passed on: {@code auto} hands them to the strategy it
     * resolves to, and records that strategy's settings beside {@code resolvedTo}. The contract's settings schema
     * then allows other properties. False by default: an unknown key is rejected.
     */
    default boolean passesOnOtherSettings() {
        return false;
    }

    /**
     * Builds the strategy for a study. Throws {@link InvalidStrategyException} for an unknown setting, a bad
     * value, or a space or objective count it cannot handle.
     */
    SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives, Budget budget);

    /**
     * Whether its suggestions read the experiments' intermediate values ({@link dev.hpo.trial.Trial#intermediate()}),
     * as multi-fidelity strategies do to promote or cut configurations. The loop loads them for such a strategy
     * only (they cost a read of every report); for the others {@code intermediate} may be empty. By default false.
     */
    default boolean readsIntermediateValues() {
        return false;
    }

    /**
     * The settings to store with a new study, given the user's (already accepted by {@link #create}). By default
     * the same map; a strategy that decides something at creation ({@code auto}) records the decision here, so that
     * the study is rebuilt from the stored settings with the same decision even if the rules change later.
     */
    default Map<String, Object> settingsToRecord(Map<String, Object> settings, SearchSpace space,
                                                 List<Objective> objectives, Budget budget) {
        return settings;
    }
}
