package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.hpo.settings.SettingSpec;
import dev.hpo.stopping.StoppingCatalog;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.catalog.StrategyCatalog;

/**
 * {@code api/openapi.yaml} guides a study's author: the search space names every parameter kind with its fields,
 * and every strategy and early-stopping rule has a schema with exactly the settings it validates.
 * ({@code OpenApiContractIT} checks that the running service serves the same file.)
 */
class StudyContractSchemasTest {

    private static final Map<String, List<String>> KINDS = Map.of(
            "uniform", List.of("type", "name", "min", "max", "step", "includeMax"),
            "uniform_integer", List.of("type", "name", "min", "max", "step", "includeMax"),
            "log_uniform", List.of("type", "name", "min", "max", "base", "step", "includeMax"),
            "discrete", List.of("type", "name", "values"),
            "parameter_set", List.of("type", "name", "combinations"));

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> schemas() throws IOException {
        Map<String, Object> api = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("api/openapi.yaml")));
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) api.get("components")).get("schemas");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Map<String, Object>> schemas, String ref) {
        return schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> mapping(Map<String, Object> union) {
        return (Map<String, String>) ((Map<String, Object>) union.get("discriminator")).get("mapping");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSearchSpaceNamesEveryParameterKindWithItsFields() throws IOException {
        Map<String, Map<String, Object>> schemas = schemas();
        Map<String, Object> parameters = (Map<String, Object>) ((Map<String, Object>) schemas.get("CreateStudy")
                .get("properties")).get("parameters");
        Map<String, Object> union = resolve(schemas, (String) ((Map<String, Object>) parameters.get("items")).get("$ref"));

        assertThat(((Map<String, Object>) union.get("discriminator")).get("propertyName")).isEqualTo("type");
        assertThat(mapping(union).keySet()).containsExactlyInAnyOrderElementsOf(KINDS.keySet());
        mapping(union).forEach((type, ref) -> {
            Map<String, Object> kind = resolve(schemas, ref);
            assertThat(((Map<String, Object>) kind.get("properties")).keySet()).as(type)
                    .containsExactlyInAnyOrderElementsOf(KINDS.get(type));
            assertThat(kind.get("example")).as(type + " has an example").isNotNull();
        });
        assertThat((String) resolve(schemas, mapping(union).get("log_uniform")).get("description")).contains("EXPONENTS");
    }

    @Test
    void everyStrategyAndRuleHasItsSettings() throws IOException {
        Map<String, Map<String, Object>> schemas = schemas();
        Map<String, String> strategies = mapping(schemas.get("Strategy"));
        StrategyCatalog.standard().all().forEach(spec ->
                assertThat(settingNames(schemas, strategies.get(spec.name()))).as(spec.name())
                        .containsExactlyInAnyOrderElementsOf(spec.settings().stream().map(SettingSpec::name).toList()));
        Map<String, String> rules = mapping(schemas.get("EarlyStoppingRequest"));
        StoppingCatalog.standard().all().forEach(spec ->
                assertThat(settingNames(schemas, rules.get(spec.name()))).as(spec.name())
                        .containsExactlyInAnyOrderElementsOf(spec.settings().stream().map(SettingSpec::name).toList()));
        StrategyCatalog.standard().all().forEach(spec ->
                assertThat(settingsSchema(schemas, strategies.get(spec.name())).get("additionalProperties"))
                        .as(spec.name() + " settings: other keys allowed only where they are passed on")
                        .isEqualTo(spec.passesOnOtherSettings()));
        assertThat(StrategyCatalog.standard().all().stream().filter(StrategySpec::passesOnOtherSettings)
                .map(StrategySpec::name)).containsExactly("auto");
        assertThat(strategies).hasSize(StrategyCatalog.standard().all().size());
        assertThat(rules).hasSize(StoppingCatalog.standard().all().size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settingsSchema(Map<String, Map<String, Object>> schemas, String ref) {
        assertThat(ref).isNotNull();
        Map<String, Object> choice = resolve(schemas, ref);
        Map<String, Object> settingsRef = (Map<String, Object>) ((Map<String, Object>) choice.get("properties")).get("settings");
        return resolve(schemas, (String) settingsRef.get("$ref"));
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<String> settingNames(Map<String, Map<String, Object>> schemas, String ref) {
        Map<String, Object> settings = settingsSchema(schemas, ref);
        Object properties = settings.get("properties");
        return properties == null ? java.util.Set.of() : ((Map<String, Object>) properties).keySet();
    }
}
