package dev.hpo.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.shared.JsonValues;
import dev.hpo.shared.UnusableInputException;
import dev.hpo.space.ExponentsLikeValues;
import dev.hpo.space.InvalidSpaceException;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.SpaceCodec;
import dev.hpo.stopping.StoppingCatalog;
import dev.hpo.stopping.StoppingRule;
import dev.hpo.stopping.StoppingRuleSpec;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.catalog.StrategyCatalog;
import dev.hpo.trial.Budget;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reader of a study's stored definition (space, objectives, strategy name and settings, early stopping
 * and the limits, whose budget the strategy and rule plan with): {@link StudyFactory} decodes a new study's input
 * with it, the loop decodes the stored row with it, and the {@link Study} entity reads and writes its objectives
 * and limits with it. What is stored is what {@link #decodeNew} returns: the space in {@code SpaceCodec}'s
 * canonical form, objectives by {@link #encodeObjectives}, the strategy settings as the strategy records them, the
 * early stopping as given, the limits by {@link #encodeLimits}. A new field of the definition is read here and
 * nowhere else.
 *
 * <p>Both decodes check the same things in the same order and throw {@link UnusableInputException} (422) naming
 * the field as the study API spells it ({@code parameters[1].max}, {@code objectives[0].sign},
 * {@code strategy.name}, {@code strategy.settings}, {@code earlyStopping.rule}, {@code earlyStopping.settings}), with
 * the message of the part that refused it. {@link #decodeNew} adds the rules for new input only (size limits, the
 * exponents-like-values trap, repeated objectives, {@code minIterationPerJob <= maxIterationPerJob}, finite
 * settings), so that a stored study keeps loading when such a rule is added or tightened later.
 */
@Component
public class StudyDefinitionCodec {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> OBJECTIVES = new TypeReference<>() {
    };

    private final StrategyCatalog strategies = StrategyCatalog.standard();
    private final StoppingCatalog stoppingRules = StoppingCatalog.standard();
    private final JsonMapper json;

    public StudyDefinitionCodec(JsonMapper json) {
        this.json = json;
    }

    /** The strategies a study may name. */
    public StrategyCatalog strategies() {
        return strategies;
    }

    /** The early-stopping rules a study may name. */
    public StoppingCatalog stoppingRules() {
        return stoppingRules;
    }

    /**
     * Checks a new study's definition, with the rules for new input; the result's strategy settings are the ones to
     * store ({@link StrategySpec#settingsToRecord}: {@code auto} records its pick).
     */
    public StudyDefinition decodeNew(StoredDefinition given) {
        return decode(given, true);
    }

    /** Reads a stored definition; throws {@link UnusableInputException} when it cannot be used. */
    public StudyDefinition decode(StoredDefinition stored) {
        return decode(stored, false);
    }

    /**
     * Reads a stored definition from the row's JSON columns as text ({@code null} or JSON {@code null} where a
     * column may be empty: settings, early stopping).
     */
    public StudyDefinition decode(String space, String objectives, String strategyName, String strategySettings,
                                  String earlyStopping, String limits) {
        Map<String, Object> settings = strategySettings == null ? Map.of() : json.readValue(strategySettings, MAP);
        return decode(new StoredDefinition(json.readValue(space, List.class), json.readValue(objectives, OBJECTIVES),
                strategyName, settings, earlyStopping(earlyStopping), decodeLimits(json.readValue(limits, MAP))));
    }

    /**
     * Limits as stored in {@code study.limits}: one key per limit, named as the study API names it; a limit that is
     * not set is left out (so a limit added later reads as "none" in a study stored before it).
     */
    public static Map<String, Object> encodeLimits(StudyLimits limits) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("maxConcurrentExperiments", limits.maxConcurrentExperiments());
        putSet(stored, "totalMaxJobs", limits.totalMaxJobs());
        putSet(stored, "optimizationTimeLimitMinutes", limits.optimizationTimeLimitMinutes());
        putSet(stored, "computeTimeLimitMinutes", limits.computeTimeLimitMinutes());
        putSet(stored, "timeLimitPerJobMinutes", limits.timeLimitPerJobMinutes());
        putSet(stored, "minIterationPerJob", limits.minIterationPerJob());
        putSet(stored, "maxIterationPerJob", limits.maxIterationPerJob());
        stored.put("maxRetriesPerExperiment", limits.maxRetriesPerExperiment());
        return stored;
    }

    /**
     * Reads stored limits (see {@link #encodeLimits}); a missing key is no limit ({@code maxRetriesPerExperiment}:
     * 0). Throws {@link UnusableInputException} naming the key when a value is not a number or the required
     * {@code maxConcurrentExperiments} is missing.
     */
    public static StudyLimits decodeLimits(Map<String, ?> stored) {
        Number concurrent = number(stored, "maxConcurrentExperiments");
        if (concurrent == null) {
            throw new UnusableInputException("maxConcurrentExperiments", "the stored limits have no maxConcurrentExperiments");
        }
        Number totalMaxJobs = number(stored, "totalMaxJobs");
        Number minIteration = number(stored, "minIterationPerJob");
        Number maxIteration = number(stored, "maxIterationPerJob");
        Number retries = number(stored, "maxRetriesPerExperiment");
        return new StudyLimits(concurrent.intValue(), totalMaxJobs == null ? null : totalMaxJobs.intValue(),
                decimal(stored, "optimizationTimeLimitMinutes"), decimal(stored, "computeTimeLimitMinutes"),
                decimal(stored, "timeLimitPerJobMinutes"), minIteration == null ? null : minIteration.longValue(),
                maxIteration == null ? null : maxIteration.longValue(), retries == null ? 0 : retries.intValue());
    }

    private static void putSet(Map<String, Object> stored, String key, Object value) {
        if (value != null) {
            stored.put(key, value);
        }
    }

    private static Number number(Map<String, ?> stored, String key) {
        Object value = stored.get(key);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        throw new UnusableInputException(key, "the stored limit " + key + " is not a number: " + value);
    }

    private static Double decimal(Map<String, ?> stored, String key) {
        Number value = number(stored, key);
        return value == null ? null : value.doubleValue();
    }

    /** Objectives as stored: {@code {title, series, sign}} with the sign's API name. */
    public static List<Map<String, String>> encodeObjectives(List<Objective> objectives) {
        List<Map<String, String>> stored = new ArrayList<>(objectives.size());
        for (Objective objective : objectives) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("title", objective.title());
            one.put("series", objective.series());
            one.put("sign", objective.sign().json());
            stored.add(one);
        }
        return stored;
    }

    /** Reads stored objectives; throws {@link UnusableInputException} naming {@code objectives[i].sign}. */
    public static List<Objective> decodeObjectives(List<Map<String, String>> stored) {
        return decodeObjectives(stored, false);
    }

    /** With {@code distinct}, also refuses a metric given twice (naming {@code objectives[i]}). */
    private static List<Objective> decodeObjectives(List<Map<String, String>> stored, boolean distinct) {
        List<Objective> objectives = new ArrayList<>(stored.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < stored.size(); i++) {
            Map<String, String> one = stored.get(i);
            Sign sign;
            try {
                sign = Sign.fromJson(one.get("sign"));
            } catch (IllegalArgumentException e) {
                throw new UnusableInputException("objectives[" + i + "].sign", e.getMessage());
            }
            String title = one.get("title");
            String series = one.get("series");
            if (distinct && !seen.add(title + "\u0000" + series)) {
                throw new UnusableInputException("objectives[" + i + "]", "objective " + title + "/" + series
                        + " is given twice; a metric can be one objective only");
            }
            objectives.add(new Objective(title, series, sign));
        }
        return objectives;
    }

    private StudyDefinition decode(StoredDefinition d, boolean isNew) {
        if (isNew) {
            SpaceLimits.check(d.space());
        }
        SearchSpace space = space(d.space(), isNew);
        List<Objective> objectives = decodeObjectives(d.objectives(), isNew);
        if (objectives.isEmpty()) {
            throw new UnusableInputException("objectives", "study has no objective");
        }
        Budget budget = d.limits().budget();
        if (isNew) {
            if (budget.minIterationPerJob() != null && budget.maxIterationPerJob() != null
                    && budget.minIterationPerJob() > budget.maxIterationPerJob()) {
                throw new UnusableInputException("minIterationPerJob", "minIterationPerJob ("
                        + budget.minIterationPerJob() + ") must not exceed maxIterationPerJob ("
                        + budget.maxIterationPerJob() + ")");
            }
        }

        Map<String, Object> settings = d.strategySettings() == null ? Map.of() : d.strategySettings();
        if (isNew) {
            JsonValues.requireFinite("strategy.settings", settings);
        }
        StrategySpec spec;
        try {
            spec = strategies.require(d.strategyName());
        } catch (InvalidStrategyException e) {
            throw new UnusableInputException("strategy.name", e.getMessage(), e);
        }
        SearchStrategy strategy;
        try {
            strategy = spec.create(settings, space, objectives, budget);
            if (isNew) {
                settings = spec.settingsToRecord(settings, space, objectives, budget);
            }
        } catch (InvalidSpaceException e) {
            throw new UnusableInputException("parameters", e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("strategy.settings", e.getMessage(), e);
        }

        EarlyStopping earlyStopping = d.earlyStopping();
        StoppingRule rule = earlyStopping == null ? null : stoppingRule(earlyStopping, budget, isNew);
        return new StudyDefinition(space, objectives, spec, settings, strategy, earlyStopping, rule, d.limits());
    }

    private static SearchSpace space(List<?> parameters, boolean isNew) {
        try {
            SearchSpace space = SpaceCodec.fromJson(parameters);
            if (isNew) {
                if (space.parameters().isEmpty()) {
                    throw new InvalidSpaceException("parameters: must hold at least one parameter");
                }
                ExponentsLikeValues.check(parameters);
            }
            return space;
        } catch (InvalidSpaceException e) {
            throw new UnusableInputException(pathOf(e.getMessage(), "parameters"), e.getMessage(), e);
        }
    }

    private StoppingRule stoppingRule(EarlyStopping earlyStopping, Budget budget, boolean isNew) {
        StoppingRuleSpec spec;
        try {
            spec = stoppingRules.require(earlyStopping.rule());
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("earlyStopping.rule", e.getMessage(), e);
        }
        if (isNew) {
            JsonValues.requireFinite("earlyStopping.settings", earlyStopping.settings());
        }
        try {
            return spec.create(earlyStopping.settings(), budget);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("earlyStopping.settings", e.getMessage(), e);
        }
    }

    /** A stored {@code early_stopping} column: {@code {rule, settings}}; none when empty or without a rule. */
    private EarlyStopping earlyStopping(String text) {
        if (text == null || "null".equals(text)) {
            return null;
        }
        Map<String, Object> stored = json.readValue(text, MAP);
        Object rule = stored.get("rule");
        if (rule == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = stored.get("settings") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new EarlyStopping(rule.toString(), settings);
    }

    /** The path an error message starts with ({@code parameters[1].max: ...}), or {@code fallback}. */
    static String pathOf(String message, String fallback) {
        if (message == null) {
            return fallback;
        }
        int colon = message.indexOf(": ");
        if (colon <= 0 || message.substring(0, colon).contains(" ")) {
            return fallback;
        }
        return message.substring(0, colon);
    }
}
