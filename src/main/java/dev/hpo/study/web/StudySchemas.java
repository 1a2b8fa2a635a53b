package dev.hpo.study.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hpo.settings.SettingSpec;
import dev.hpo.stopping.StoppingRuleSpec;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.study.StudyFactory;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * Real schemas for the parts of a study the request records keep generic (the service parses them itself, with
 * messages that name the JSON path): every search-space parameter kind, and a strategy and an early-stopping rule
 * with the settings each one takes. Parameter kinds are a {@code oneOf} with the {@code type} discriminator,
 * strategies with {@code name}, rules with {@code rule}; the settings schemas are built from the same
 * {@link SettingSpec}s that validate them (and that {@code GET /strategies} lists), so they cannot drift.
 */
@Configuration(proxyBeanMethods = false)
class StudySchemas {

    static final String PARAMETER = "SearchSpaceParameter";
    private static final String REF = "#/components/schemas/";

    @Bean
    OpenApiCustomizer studySchemaCustomizer(StudyFactory factory) {
        return openApi -> customize(openApi, factory);
    }

    private static void customize(OpenAPI openApi, StudyFactory factory) {
        Components components = openApi.getComponents();
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas == null || !schemas.containsKey("CreateStudy")) {
            return;
        }
        parameterKinds(components);
        strategies(components, factory.strategies().all());
        stoppingRules(components, factory.stoppingRules().all());

        Schema<?> create = schemas.get("CreateStudy");
        itemsOf(create, "parameters").setItems(ref(PARAMETER));
        create.getProperties().put("strategy", ref("Strategy"));
        create.getProperties().put("earlyStopping", ref("EarlyStoppingRequest"));
        create.setExample(quickstartExample());
        Schema<?> response = schemas.get("StudyResponse");
        if (response != null) {
            itemsOf(response, "parameters").setItems(ref(PARAMETER));
        }
    }

    private static void parameterKinds(Components components) {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("uniform", "UniformParameter");
        mapping.put("uniform_integer", "UniformIntegerParameter");
        mapping.put("log_uniform", "LogUniformParameter");
        mapping.put("discrete", "DiscreteParameter");
        mapping.put("parameter_set", "ParameterSet");

        components.addSchemas("UniformParameter", kind("uniform",
                "Values uniform between min and max; with a step only min + i * step.",
                Map.of("type", "uniform", "name", "General/dropout", "min", 0.1, "max", 0.5))
                .addProperty("min", new NumberSchema().description("Smallest value"))
                .addProperty("max", new NumberSchema().description("Largest value; greater than min"))
                .addProperty("step", new NumberSchema().exclusiveMinimumValue(java.math.BigDecimal.ZERO)
                        .description("Optional: only the values min + i * step"))
                .addProperty("includeMax", new BooleanSchema()._default(true).description("Whether max itself may be drawn"))
                .required(List.of("type", "name", "min", "max")));
        components.addSchemas("UniformIntegerParameter", kind("uniform_integer",
                "Integers between min and max, every step-th.",
                Map.of("type", "uniform_integer", "name", "General/layers", "min", 2, "max", 8))
                .addProperty("min", new IntegerSchema().format("int64"))
                .addProperty("max", new IntegerSchema().format("int64").description("Greater than min"))
                .addProperty("step", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ONE)._default(1))
                .addProperty("includeMax", new BooleanSchema()._default(true))
                .required(List.of("type", "name", "min", "max")));
        components.addSchemas("LogUniformParameter", kind("log_uniform",
                "Values base ** e for an exponent e uniform between min and max: min and max are EXPONENTS "
                        + "(ClearML's meaning), so 0.0001 to 0.1 is min -4, max -1. Both strictly between 0 and 1 "
                        + "without an explicit base is refused with a 422 (they look like values).",
                Map.of("type", "log_uniform", "name", "General/lr", "min", -4, "max", -1))
                .addProperty("min", new NumberSchema().description("Smallest exponent: the smallest value is base ** min"))
                .addProperty("max", new NumberSchema().description("Largest exponent; greater than min"))
                .addProperty("base", new NumberSchema()._default(java.math.BigDecimal.TEN).description("Greater than 0, not 1"))
                .addProperty("step", new NumberSchema().exclusiveMinimumValue(java.math.BigDecimal.ZERO)
                        .description("Optional: only the exponents min + i * step"))
                .addProperty("includeMax", new BooleanSchema()._default(true))
                .required(List.of("type", "name", "min", "max")));
        components.addSchemas("DiscreteParameter", kind("discrete", "One of the listed values.",
                Map.of("type", "discrete", "name", "General/network", "values", List.of("ResNet18", "ResNet50")))
                .addProperty("values", new ArraySchema().items(constant()).minItems(1).maxItems(10_000)
                        .description("Strings, finite numbers or booleans"))
                .required(List.of("type", "name", "values")));
        Schema<Object> nested = new Schema<>().description("A constant, or a parameter object whose name defaults to "
                + "its key (parameter sets do not nest)");
        nested.setOneOf(new ArrayList<>(List.of(new StringSchema(), new NumberSchema(), new BooleanSchema(),
                ref("UniformParameter"), ref("UniformIntegerParameter"), ref("LogUniformParameter"),
                ref("DiscreteParameter"))));
        components.addSchemas("ParameterSet", kind("parameter_set",
                "One of several combinations; a combination's values are constants or nested parameters (a "
                        + "conditional group).",
                Map.of("type", "parameter_set", "name", "optimizer", "combinations", List.of(
                        Map.of("General/optimizer", "sgd", "General/momentum",
                                Map.of("type", "uniform", "min", 0.0, "max", 0.99)),
                        Map.of("General/optimizer", "adam"))))
                .addProperty("combinations", new ArraySchema().items(new ObjectSchema().additionalProperties(nested))
                        .minItems(1).maxItems(1_000))
                .required(List.of("type", "combinations")));
        ((Schema<?>) components.getSchemas().get("ParameterSet").getProperties().get("name"))
                .setDescription("Optional: the name of the choice it makes");

        Schema<Object> union = new Schema<>().description("A search-space parameter; the type field says which kind");
        List<Schema> kinds = new ArrayList<>();
        Discriminator discriminator = new Discriminator().propertyName("type");
        mapping.forEach((type, schema) -> {
            kinds.add(ref(schema));
            discriminator.mapping(type, REF + schema);
        });
        union.setOneOf(kinds);
        union.setDiscriminator(discriminator);
        components.addSchemas(PARAMETER, union);
    }

    private static ObjectSchema kind(String type, String description, Map<String, Object> example) {
        ObjectSchema schema = new ObjectSchema();
        schema.description(description);
        schema.addProperty("type", new StringSchema()._enum(List.of(type)));
        schema.addProperty("name", new StringSchema().maxLength(200).description("The parameter's name, e.g. General/lr"));
        schema.setExample(example);
        return schema;
    }

    private static Schema<Object> constant() {
        Schema<Object> value = new Schema<>();
        value.setOneOf(new ArrayList<>(List.of(new StringSchema(), new NumberSchema(), new BooleanSchema())));
        return value;
    }

    private static void strategies(Components components, List<StrategySpec> specs) {
        List<Schema> choices = new ArrayList<>();
        Discriminator discriminator = new Discriminator().propertyName("name");
        for (StrategySpec spec : specs) {
            String schema = camel(spec.name()) + "Strategy";
            components.addSchemas(schema + "Settings", settings(spec.settings(), spec.passesOnOtherSettings()));
            components.addSchemas(schema, new ObjectSchema().description(spec.description())
                    .addProperty("name", new StringSchema()._enum(List.of(spec.name())))
                    .addProperty("seed", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)
                            .description("Default: drawn and stored"))
                    .addProperty("settings", ref(schema + "Settings"))
                    .required(List.of("name")));
            choices.add(ref(schema));
            discriminator.mapping(spec.name(), REF + schema);
        }
        Schema<Object> strategy = new Schema<>().description("The strategy, by name; a study without one uses auto "
                + "(gp or tpe by space, objectives and totalMaxJobs, recorded as settings.resolvedTo). Settings are "
                + "validated at creation (GET /api/v1/strategies).");
        strategy.setOneOf(choices);
        strategy.setDiscriminator(discriminator);
        strategy.setExample(Map.of("name", "tpe", "seed", 42, "settings", Map.of("startupTrials", 10)));
        components.addSchemas("Strategy", strategy);
    }

    private static void stoppingRules(Components components, List<StoppingRuleSpec> specs) {
        List<Schema> choices = new ArrayList<>();
        Discriminator discriminator = new Discriminator().propertyName("rule");
        for (StoppingRuleSpec spec : specs) {
            String schema = camel(spec.name()) + "EarlyStopping";
            components.addSchemas(schema + "Settings", settings(spec.settings(), false));
            components.addSchemas(schema, new ObjectSchema().description(spec.description())
                    .addProperty("rule", new StringSchema()._enum(List.of(spec.name())))
                    .addProperty("settings", ref(schema + "Settings"))
                    .required(List.of("rule")));
            choices.add(ref(schema));
            discriminator.mapping(spec.name(), REF + schema);
        }
        Schema<Object> rule = new Schema<>().description("An early-stopping rule and its settings "
                + "(GET /api/v1/early-stopping-rules); it stops running experiments as ABORTED / pruned.");
        rule.setOneOf(choices);
        rule.setDiscriminator(discriminator);
        rule.setExample(Map.of("rule", "median"));
        components.addSchemas("EarlyStoppingRequest", rule);
    }

    /**
     * An object schema with one property per setting, its type, default and description; nothing else allowed unless
     * {@code passesOn} (auto: the other keys are the resolved strategy's settings, validated by it).
     */
    private static Schema<Object> settings(List<SettingSpec> specs, boolean passesOn) {
        ObjectSchema settings = new ObjectSchema();
        settings.additionalProperties(passesOn);
        if (passesOn) {
            settings.description("Besides these, the settings of the strategy it resolves to (validated by that "
                    + "strategy); the study records the ones the choice made, e.g. multivariate for tpe.");
        }
        for (SettingSpec spec : specs) {
            Schema<?> property = switch (spec.type()) {
                case "integer" -> new IntegerSchema().format("int64");
                case "number" -> new NumberSchema();
                case "boolean" -> new BooleanSchema();
                default -> new StringSchema();
            };
            property.setDescription(spec.description());
            if (spec.defaultValue() != null) {
                property.setDefault(spec.defaultValue());
            }
            settings.addProperty(spec.name(), property);
        }
        @SuppressWarnings("unchecked")
        Schema<Object> typed = (Schema<Object>) (Schema<?>) settings;
        return typed;
    }

    private static Map<String, Object> quickstartExample() {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("name", "lr-search");
        study.put("baseExperimentId", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        study.put("parameters", List.of(
                Map.of("type", "log_uniform", "name", "General/lr", "min", -4, "max", -1),
                Map.of("type", "discrete", "name", "General/network", "values", List.of("ResNet18", "ResNet50"))));
        study.put("objectives", List.of(Map.of("title", "validation", "series", "loss", "sign", "min")));
        study.put("strategy", Map.of("name", "tpe", "seed", 42));
        study.put("earlyStopping", Map.of("rule", "median"));
        study.put("backend", "queue");
        study.put("executionQueue", "default");
        study.put("maxConcurrentExperiments", 4);
        study.put("totalMaxJobs", 40);
        return study;
    }

    private static Schema<?> itemsOf(Schema<?> object, String property) {
        Schema<?> schema = object.getProperties().get(property);
        if (schema == null || schema.getItems() == null) {
            throw new IllegalStateException(property + " is not an array schema");
        }
        return schema;
    }

    private static Schema<Object> ref(String name) {
        return new Schema<>().$ref(REF + name);
    }

    /** {@code cmaes} to {@code Cmaes}, {@code log_range} to {@code LogRange}. */
    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[_-]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
