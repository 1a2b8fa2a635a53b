package dev.hpo.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.SearchSpace;
import dev.hpo.stopping.StoppingCatalog;
import dev.hpo.stopping.StoppingRule;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.catalog.StrategyCatalog;
import dev.hpo.trial.Budget;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-study {@link StudyModel}s of this replica: built from the study row the first time a tick needs
 * one, dropped when the study ends here. Everything in a model is fixed once a study runs (the REST layer
 * allows no change to space, objectives, strategy, early stopping, budget or base experiment after start).
 */
@Component
class StudyModels {

    /** Strategies that read intermediate values (multi-fidelity), so the tick loads them for suggestions. */
    private static final Set<String> MULTI_FIDELITY = Set.of("hyperband", "bohb");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> OBJECTIVES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final Map<UUID, StudyModel> models = new ConcurrentHashMap<>();
    private final LoopStore store;
    private final JsonMapper json;
    private final StrategyCatalog strategies = StrategyCatalog.standard();
    private final StoppingCatalog stoppingRules = StoppingCatalog.standard();

    private final MeterRegistry meters;

    StudyModels(LoopStore store, JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.json = json;
        this.meters = meters.getIfAvailable();
    }

    /** The model of a study; throws when its stored definition cannot be used (the tick fails the study). */
    StudyModel get(StudyRow study) {
        StudyModel model = models.get(study.id());
        if (model == null) {
            model = build(study);
            models.put(study.id(), model);
        }
        return model;
    }

    void forget(UUID studyId) {
        models.remove(studyId);
    }

    private StudyModel build(StudyRow study) {
        SearchSpace space = SpaceJson.parse(json, study.space());
        List<Objective> objectives = new ArrayList<>();
        for (Map<String, String> stored : json.readValue(study.objectives(), OBJECTIVES)) {
            objectives.add(new Objective(stored.get("title"), stored.get("series"), Sign.fromJson(stored.get("sign"))));
        }
        if (objectives.isEmpty()) {
            throw new IllegalStateException("study has no objective");
        }
        Budget budget = new Budget(study.minIterationPerJob(), study.maxIterationPerJob(), study.totalMaxJobs(),
                study.maxConcurrentExperiments());
        Map<String, Object> settings = study.strategySettings() == null ? Map.of() : json.readValue(study.strategySettings(), MAP);
        SearchStrategy strategy = TimedStrategy.of(
                strategies.require(study.strategyName()).create(settings, space, objectives, budget),
                study.strategyName(), meters);
        StoppingRule rule = null;
        if (study.earlyStopping() != null && !"null".equals(study.earlyStopping())) {
            Map<String, Object> stopping = json.readValue(study.earlyStopping(), MAP);
            Object name = stopping.get("rule");
            if (name != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ruleSettings = stopping.get("settings") instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : Map.of();
                rule = stoppingRules.require(name.toString()).create(ruleSettings, budget);
            }
        }
        BaseExperimentRow base = store.baseExperiment(study.baseExperimentId());
        Map<String, Object> baseParameters = base.parameters() == null ? Map.of()
                : ParameterValues.normalized(json.readValue(base.parameters(), MAP));
        List<String> command = base.command() == null || "null".equals(base.command()) ? List.of()
                : List.copyOf(json.readValue(base.command(), STRINGS));
        Map<String, String> environment = base.environment() == null || "null".equals(base.environment()) ? Map.of()
                : new LinkedHashMap<>(json.readValue(base.environment(), STRING_MAP));
        return new StudyModel(study.id(), space, objectives, strategy, rule, MULTI_FIDELITY.contains(study.strategyName()),
                budget, base, baseParameters, command, environment);
    }
}
