package dev.hpo.strategy.auto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.cmaes.CmaEsSpec;
import dev.hpo.strategy.gp.GpSpec;
import dev.hpo.strategy.random.RandomStrategySpec;
import dev.hpo.strategy.tpe.TpeSpec;
import dev.hpo.trial.Budget;

/**
 * {@code auto}, the strategy of a study that names none: picks {@code gp} or {@code tpe} (with settings) by
 * {@link AutoChoice}'s rules from the space, the objectives and the job budget.
 *
 * <p>The pick is recorded: {@link #settingsToRecord} returns {@code {"resolvedTo": <name>, ...its settings}}, which
 * the study stores as its settings, and {@link #create} with {@code resolvedTo} builds that strategy without
 * deciding again, so a resumed study (or one read back by another version of the rules) continues with the same
 * strategy. Settings other than {@code resolvedTo} are the resolved strategy's own and are passed to it (on top of
 * the ones the rule chose); a key it does not know is rejected by it.
 */
public final class AutoSpec implements StrategySpec {

    public static final String NAME = "auto";
    static final String RESOLVED_TO = "resolvedTo";

    private static final List<SettingSpec> SETTINGS = List.of(new SettingSpec(RESOLVED_TO, "string", null,
            "The concrete strategy (gp, tpe, cmaes or random); recorded at creation when absent, from the space, "
                    + "the objectives and totalMaxJobs. Every other key is a setting of that strategy."));

    private final Map<String, StrategySpec> targets = new LinkedHashMap<>();

    public AutoSpec() {
        for (StrategySpec spec : List.of(new GpSpec(), new TpeSpec(), new CmaEsSpec(), new RandomStrategySpec())) {
            targets.put(spec.name(), spec);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "The default: gp for mostly numeric spaces (at least one numeric range) of up to 20 parameters and at "
                + "most 300 jobs; tpe with multivariate for conditional, mostly categorical or only-discrete-choice "
                + "spaces; tpe otherwise (MOTPE for several objectives). The choice is recorded in the study's "
                + "settings as resolvedTo, beside the settings it chose (e.g. multivariate)";
    }

    @Override
    public List<SettingSpec> settings() {
        return SETTINGS;
    }

    /** The resolved strategy's own settings: those the rule chose (recorded) and any the user gives. */
    @Override
    public boolean passesOnOtherSettings() {
        return true;
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        Map<String, Object> resolved = settingsToRecord(settings, space, objectives, budget);
        String name = (String) resolved.get(RESOLVED_TO);
        Map<String, Object> own = new LinkedHashMap<>(resolved);
        own.remove(RESOLVED_TO);
        return targets.get(name).create(own, space, objectives, budget);
    }

    @Override
    public Map<String, Object> settingsToRecord(Map<String, Object> settings, SearchSpace space,
                                                List<Objective> objectives, Budget budget) {
        Map<String, Object> given = settings == null ? Map.of() : settings;
        Object named = given.get(RESOLVED_TO);
        Map<String, Object> recorded = new LinkedHashMap<>();
        if (named == null) {
            AutoChoice.Choice choice = AutoChoice.choose(space, objectives, budget);
            recorded.put(RESOLVED_TO, choice.strategy());
            recorded.putAll(choice.settings());
        } else if (named instanceof String name && targets.containsKey(name)) {
            recorded.put(RESOLVED_TO, name);
        } else {
            throw new InvalidStrategyException("strategy 'auto': setting '" + RESOLVED_TO + "' must be one of "
                    + String.join(", ", targets.keySet()) + ", not " + (named instanceof String s ? "'" + s + "'" : named));
        }
        given.forEach((key, value) -> {
            if (!key.equals(RESOLVED_TO) && value != null) {
                recorded.put(key, value);
            }
        });
        return recorded;
    }
}
