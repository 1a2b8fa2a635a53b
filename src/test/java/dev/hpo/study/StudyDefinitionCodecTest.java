package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.UnusableInputException;
import dev.hpo.space.SpaceCodec;
import dev.hpo.trial.Budget;
import tools.jackson.databind.json.JsonMapper;

/** The codec creation checks a study with and the loop reads it back with. */
class StudyDefinitionCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StudyDefinitionCodec CODEC = new StudyDefinitionCodec(JSON);
    private static final StudyLimits LIMITS = new StudyLimits(2, 50, null, null, null, 1L, 27L);
    private static final Budget BUDGET = LIMITS.budget();

    private static Map<String, Object> parameter(Object... keysAndValues) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            parameter.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return parameter;
    }

    private static Map<String, String> objective(String title, String series, String sign) {
        Map<String, String> objective = new LinkedHashMap<>();
        objective.put("title", title);
        objective.put("series", series);
        objective.put("sign", sign);
        return objective;
    }

    private static StoredDefinition given(String strategy, Map<String, Object> settings, EarlyStopping stopping) {
        return new StoredDefinition(List.of(parameter("type", "uniform", "name", "x", "min", 0, "max", 1),
                parameter("type", "discrete", "name", "opt", "values", List.of("adam", "sgd"))),
                List.of(objective("val", "loss", "min")), strategy, settings, stopping, LIMITS);
    }

    /** What the loop does: read the columns as the API stored them, as JSON text. */
    private static StudyDefinition readBack(StudyDefinition created) {
        return CODEC.decode(JSON.writeValueAsString(SpaceCodec.toJson(created.space())),
                JSON.writeValueAsString(StudyDefinitionCodec.encodeObjectives(created.objectives())),
                created.strategyName(), JSON.writeValueAsString(created.strategySettings()),
                JSON.writeValueAsString(created.earlyStopping()),
                JSON.writeValueAsString(StudyDefinitionCodec.encodeLimits(created.limits())));
    }

    @Test
    void theLoopReadsBackWhatCreationStored() {
        StudyDefinition created = CODEC.decodeNew(given("tpe", Map.of("startupTrials", 4),
                new EarlyStopping("median", Map.of("startupTrials", 3))));

        StudyDefinition read = readBack(created);

        assertThat(read.space()).isEqualTo(created.space());
        assertThat(read.objectives()).containsExactly(new Objective("val", "loss", Sign.MIN));
        assertThat(read.strategyName()).isEqualTo("tpe");
        assertThat(read.strategySettings()).isEqualTo(Map.of("startupTrials", 4));
        assertThat(read.earlyStopping()).isEqualTo(new EarlyStopping("median", Map.of("startupTrials", 3)));
        assertThat(read.stoppingRule()).isNotNull();
        assertThat(read.limits()).isEqualTo(LIMITS);
        assertThat(read.budget()).isEqualTo(BUDGET);
    }

    @Test
    void autoRecordsItsPickAtCreationAndKeepsItWhenReadBack() {
        StudyDefinition created = CODEC.decodeNew(given("auto", Map.of(), null));

        assertThat(created.strategySettings()).containsKey("resolvedTo");
        assertThat(readBack(created).strategySettings()).isEqualTo(created.strategySettings());
    }

    @Test
    void noEarlyStoppingIsReadAsNoneFromNullOrARuleLessColumn() {
        StudyDefinition created = CODEC.decodeNew(given("random", Map.of(), null));
        String space = JSON.writeValueAsString(SpaceCodec.toJson(created.space()));
        String objectives = JSON.writeValueAsString(StudyDefinitionCodec.encodeObjectives(created.objectives()));

        for (String column : new String[] {null, "null", "{\"rule\":null}"}) {
            StudyDefinition read = CODEC.decode(space, objectives, "random", null, column,
                    JSON.writeValueAsString(StudyDefinitionCodec.encodeLimits(LIMITS)));
            assertThat(read.earlyStopping()).isNull();
            assertThat(read.stoppingRule()).isNull();
        }
    }

    @Test
    void refusalsNameTheFieldAsTheStudyApiSpellsIt() {
        assertField(given("optuna", Map.of(), null), "strategy.name");
        assertField(given("random", Map.of("nope", 1), null), "strategy.settings");
        assertField(given("random", Map.of(), new EarlyStopping("patience", Map.of())), "earlyStopping.rule");
        assertField(given("random", Map.of(), new EarlyStopping("median", Map.of("startupTrials", -1))),
                "earlyStopping.settings");
        assertField(new StoredDefinition(List.of(parameter("type", "uniform", "name", "x", "min", 1, "max", 0)),
                List.of(objective("val", "loss", "min")), "random", Map.of(), null, LIMITS), "parameters[0].max");
        assertField(new StoredDefinition(given("random", Map.of(), null).space(),
                List.of(objective("val", "loss", "smallest")), "random", Map.of(), null, LIMITS), "objectives[0].sign");
    }

    @Test
    void rulesForNewInputDoNotStopAStoredStudyFromLoading() {
        // Exponents that look like values are refused for a new study, yet a stored study with them still runs.
        StoredDefinition exponentsLikeValues = new StoredDefinition(
                List.of(parameter("type", "log_uniform", "name", "lr", "min", 0.0001, "max", 0.1)),
                List.of(objective("val", "loss", "min")), "random", Map.of(), null, LIMITS);
        StoredDefinition sameMetricTwice = new StoredDefinition(given("random", Map.of(), null).space(),
                List.of(objective("val", "loss", "min"), objective("val", "loss", "max")), "random", Map.of(), null,
                LIMITS);
        StoredDefinition budgetsCrossed = new StoredDefinition(given("random", Map.of(), null).space(),
                List.of(objective("val", "loss", "min")), "random", Map.of(), null,
                new StudyLimits(1, null, null, null, null, 9L, 3L));

        assertField(exponentsLikeValues, "parameters[0].min");
        assertField(sameMetricTwice, "objectives[1]");
        assertField(budgetsCrossed, "minIterationPerJob");
        assertThat(CODEC.decode(exponentsLikeValues).space().parameters()).hasSize(1);
        assertThat(CODEC.decode(sameMetricTwice).objectives()).hasSize(2);
        assertThat(CODEC.decode(budgetsCrossed).budget()).isEqualTo(new Budget(9L, 3L, null, 1));
    }

    @Test
    void limitsAreStoredByTheirApiNamesWithoutTheOnesNotSetAndReadBackAsGiven() {
        // by key, not with the record's constructor: a limit added later does not touch this test
        StudyLimits limits = StudyDefinitionCodec.decodeLimits(Map.of("maxConcurrentExperiments", 3,
                "optimizationTimeLimitMinutes", 90.0, "timeLimitPerJobMinutes", 1.5, "maxIterationPerJob", 40L,
                "maxRetriesPerExperiment", 2));

        Map<String, Object> stored = StudyDefinitionCodec.encodeLimits(limits);

        assertThat(limits.optimizationTimeLimitMinutes()).isEqualTo(90.0);
        assertThat(limits.maxRetriesPerExperiment()).isEqualTo(2);
        assertThat(stored).containsOnlyKeys("maxConcurrentExperiments", "optimizationTimeLimitMinutes",
                "timeLimitPerJobMinutes", "maxIterationPerJob", "maxRetriesPerExperiment");
        // as jsonb gives them back: whole numbers as Integer, so every number type must be read
        Map<String, Object> asRead = JSON.readValue(JSON.writeValueAsString(stored), Map.class);
        assertThat(StudyDefinitionCodec.decodeLimits(asRead)).isEqualTo(limits);
    }

    @Test
    void aLimitMissingFromAStoredStudyIsNoLimitAndAValueThatIsNoNumberIsRefusedByName() {
        assertThat(StudyDefinitionCodec.decodeLimits(Map.of("maxConcurrentExperiments", 1)))
                .isEqualTo(new StudyLimits(1, null, null, null, null, null, null));
        assertThatThrownBy(() -> StudyDefinitionCodec.decodeLimits(Map.of("maxConcurrentExperiments", 1,
                "totalMaxJobs", "ten")))
                .isInstanceOfSatisfying(UnusableInputException.class,
                        e -> assertThat(e.field()).isEqualTo("totalMaxJobs"));
        assertThatThrownBy(() -> StudyDefinitionCodec.decodeLimits(Map.of()))
                .isInstanceOfSatisfying(UnusableInputException.class,
                        e -> assertThat(e.field()).isEqualTo("maxConcurrentExperiments"));
    }

    @Test
    void aStudyWithoutObjectivesCannotBeRead() {
        assertThatThrownBy(() -> CODEC.decode(new StoredDefinition(given("random", Map.of(), null).space(),
                List.of(), "random", Map.of(), null, LIMITS)))
                .isInstanceOf(UnusableInputException.class).hasMessage("study has no objective");
    }

    @Test
    void theStrategysCatalogEntrySaysWhetherItReadsIntermediateValues() {
        assertThat(CODEC.decodeNew(given("hyperband", Map.of(), null)).strategyReadsIntermediateValues()).isTrue();
        assertThat(CODEC.decodeNew(given("bohb", Map.of(), null)).strategyReadsIntermediateValues()).isTrue();
        assertThat(CODEC.decodeNew(given("tpe", Map.of(), null)).strategyReadsIntermediateValues()).isFalse();
    }

    private static void assertField(StoredDefinition definition, String field) {
        assertThatThrownBy(() -> CODEC.decodeNew(definition))
                .isInstanceOfSatisfying(UnusableInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
