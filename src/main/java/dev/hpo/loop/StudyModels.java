package dev.hpo.loop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.hpo.study.StudyDefinition;
import dev.hpo.study.StudyDefinitionCodec;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-study {@link StudyModel}s of this replica: built from the study row the first time a tick needs
 * one (the definition decoded by the {@link StudyDefinitionCodec} that checked it at creation), dropped when the
 * study ends here. Everything in a model is fixed once a study runs (the REST layer
 * allows no change to space, objectives, strategy, early stopping, limits or base experiment after start).
 */
@Component
class StudyModels {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final Map<UUID, StudyModel> models = new ConcurrentHashMap<>();
    private final LoopStore store;
    private final JsonMapper json;
    private final StudyDefinitionCodec codec;

    private final MeterRegistry meters;

    StudyModels(LoopStore store, JsonMapper json, StudyDefinitionCodec codec, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.json = json;
        this.codec = codec;
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
        StudyDefinition definition = codec.decode(study.space(), study.objectives(), study.strategyName(),
                study.strategySettings(), study.earlyStopping(), study.limits());
        BaseExperimentRow base = store.baseExperiment(study.baseExperimentId());
        Map<String, Object> baseParameters = base.parameters() == null ? Map.of()
                : ParameterValues.normalized(json.readValue(base.parameters(), MAP));
        List<String> command = base.command() == null || "null".equals(base.command()) ? List.of()
                : List.copyOf(json.readValue(base.command(), STRINGS));
        Map<String, String> environment = base.environment() == null || "null".equals(base.environment()) ? Map.of()
                : new LinkedHashMap<>(json.readValue(base.environment(), STRING_MAP));
        return new StudyModel(study.id(), definition.space(), definition.objectives(),
                TimedStrategy.of(definition.strategy(), study.strategyName(), meters),
                definition.stoppingRule(), definition.strategyReadsIntermediateValues(), definition.limits(), base,
                baseParameters,
                command, environment);
    }
}
