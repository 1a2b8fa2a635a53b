package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class SpaceCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Object json(String text) {
        return JSON.readValue(text.replace('\'', '"'), Object.class);
    }

    private static SearchSpace read(String text) {
        return SpaceCodec.fromJson(json(text));
    }

    @Test
    void readsEveryKindWithDefaults() {
        SearchSpace space = read("""
                [{'type': 'uniform', 'name': 'General/lr', 'min': 0.01, 'max': 0.3, 'step': 0.05},
                 {'type': 'uniform_integer', 'name': 'batch', 'min': 128, 'max': 500, 'step': 128},
                 {'type': 'log_uniform', 'name': 'wd', 'min': -5, 'max': -1},
                 {'type': 'discrete', 'name': 'General/network', 'values': ['ResNet18', 'ResNet50', 3, 2.5, true]},
                 {'type': 'parameter_set', 'combinations': [
                     {'arch': 'cnn', 'layers': {'type': 'uniform_integer', 'min': 1, 'max': 4}},
                     {'arch': 'mlp', 'dropout': 0.5}]}]""");

        assertThat(space.parameters()).containsExactly(
                new UniformRange("General/lr", 0.01, 0.3, 0.05, true),
                new IntegerRange("batch", 128, 500, 128, true),
                new LogUniformRange("wd", -5, -1, 10, null, true),
                new DiscreteValues("General/network", List.of("ResNet18", "ResNet50", 3L, 2.5, true)),
                new ParameterSet(null, List.of(
                        Map.of("arch", "cnn", "layers", new IntegerRange("layers", 1, 4, 1, true)),
                        Map.of("arch", "mlp", "dropout", 0.5))));
    }

    @Test
    void roundTripsThroughJsonText() {
        SearchSpace space = read("""
                [{'type': 'uniform', 'name': 'a', 'min': 0, 'max': 1, 'includeMax': false},
                 {'type': 'log_uniform', 'name': 'b', 'min': -3, 'max': 0, 'base': 2, 'step': 0.5},
                 {'type': 'parameter_set', 'name': 'model', 'combinations': [{'c': {'type': 'discrete', 'values': ['x']}}]}]""");

        Object text = json(JSON.writeValueAsString(SpaceCodec.toJson(space)));

        assertThat(SpaceCodec.fromJson(text)).isEqualTo(space);
    }

    @Test
    void writesDefaultsExplicitly() {
        List<Map<String, Object>> json = SpaceCodec.toJson(read("[{'type': 'log_uniform', 'name': 'wd', 'min': -5, 'max': -1}]"));

        assertThat(json.get(0)).containsExactly(Map.entry("type", "log_uniform"), Map.entry("name", "wd"),
                Map.entry("min", -5.0), Map.entry("max", -1.0), Map.entry("base", 10.0), Map.entry("includeMax", true));
    }

    @Test
    void namesThePathOfAMaxBelowMin() {
        assertThatThrownBy(() -> read("""
                [{'type': 'discrete', 'name': 'a', 'values': [1]},
                 {'type': 'uniform', 'name': 'b', 'min': 0.5, 'max': 0.3}]"""))
                .isInstanceOf(InvalidSpaceException.class)
                .hasMessage("parameters[1].max: must be greater than min (0.3 <= 0.5)");
    }

    @Test
    void rejectsUnknownTypeListingTheKnownOnes() {
        assertThatThrownBy(() -> read("[{'type': 'foo', 'name': 'a'}]")).hasMessage(
                "parameters[0].type: unknown type 'foo' (expected uniform, uniform_integer, log_uniform, discrete, parameter_set)");
    }

    @Test
    void rejectsMissingType() {
        assertThatThrownBy(() -> read("[{'name': 'a'}]")).hasMessageStartingWith("parameters[0].type: is required");
    }

    @Test
    void rejectsUnknownFields() {
        assertThatThrownBy(() -> read("""
                [{'type': 'discrete', 'name': 'a', 'values': [1]},
                 {'type': 'discrete', 'name': 'b', 'values': [1]},
                 {'type': 'uniform', 'name': 'c', 'min': 0, 'max': 1, 'stepp': 0.1}]"""))
                .hasMessageStartingWith("parameters[2]: unknown field 'stepp'");
    }

    @Test
    void rejectsWrongJsonTypes() {
        assertThatThrownBy(() -> read("[{'type': 'uniform', 'name': 'a', 'min': '0', 'max': 1}]"))
                .hasMessage("parameters[0].min: must be a number");
        assertThatThrownBy(() -> read("[{'type': 'uniform', 'name': 'a', 'min': 0, 'max': 1, 'includeMax': 'yes'}]"))
                .hasMessage("parameters[0].includeMax: must be true or false");
        assertThatThrownBy(() -> read("[{'type': 'uniform', 'name': 3, 'min': 0, 'max': 1}]"))
                .hasMessage("parameters[0].name: must be a string");
        assertThatThrownBy(() -> read("[{'type': 'discrete', 'name': 'a', 'values': 'x'}]"))
                .hasMessage("parameters[0].values: must be a list");
        assertThatThrownBy(() -> read("{'type': 'discrete'}")).hasMessage("parameters: must be a list of parameter objects");
        assertThatThrownBy(() -> read("[3]")).hasMessage("parameters[0]: must be an object");
    }

    @Test
    void rejectsFractionalIntegerFields() {
        assertThatThrownBy(() -> read("[{'type': 'uniform_integer', 'name': 'n', 'min': 0, 'max': 10, 'step': 1.5}]"))
                .hasMessage("parameters[0].step: must be an integer (1.5)");
    }

    @Test
    void rejectsMissingRequiredFields() {
        assertThatThrownBy(() -> read("[{'type': 'uniform', 'name': 'a', 'max': 1}]")).hasMessage("parameters[0].min: is required");
        assertThatThrownBy(() -> read("[{'type': 'uniform', 'min': 0, 'max': 1}]")).hasMessage("parameters[0].name: is required");
    }

    @Test
    void namesThePathOfABadDiscreteValue() {
        assertThatThrownBy(() -> read("[{'type': 'discrete', 'name': 'a', 'values': [1, [2]]}]"))
                .hasMessageStartingWith("parameters[0].values[1]: must be a string");
        assertThatThrownBy(() -> read("[{'type': 'discrete', 'name': 'a', 'values': []}]"))
                .hasMessage("parameters[0].values: must not be empty");
    }

    @Test
    void namesThePathInsideAParameterSet() {
        assertThatThrownBy(() -> read("""
                [{'type': 'parameter_set', 'combinations': [{'a': 1},
                  {'lr': {'type': 'uniform', 'min': 1, 'max': 0}}]}]"""))
                .hasMessage("parameters[0].combinations[1].lr.max: must be greater than min (0.0 <= 1.0)");
        assertThatThrownBy(() -> read("[{'type': 'parameter_set', 'combinations': [{'s': {'type': 'parameter_set', 'combinations': []}}]}]"))
                .hasMessage("parameters[0].combinations[0].s: must not be a parameter set (sets do not nest)");
        assertThatThrownBy(() -> read("[{'type': 'parameter_set', 'combinations': [{'lr': {'type': 'discrete', 'name': 'rate', 'values': [1]}}]}]"))
                .hasMessageStartingWith("parameters[0].combinations[0].lr: is a parameter named 'rate'");
        assertThatThrownBy(() -> read("[{'type': 'parameter_set', 'combinations': []}]"))
                .hasMessage("parameters[0].combinations: must not be empty");
    }

    @Test
    void namesDuplicateParameters() {
        assertThatThrownBy(() -> read("""
                [{'type': 'discrete', 'name': 'a', 'values': [1]},
                 {'type': 'discrete', 'name': 'a', 'values': [2]}]"""))
                .hasMessage("parameters[1].name: name 'a' is already used by parameters[0]");
    }

    @Test
    void valueFromJsonNormalisesNumbers() {
        assertThat(SpaceCodec.valueFromJson(3)).isEqualTo(3L);
        assertThat(SpaceCodec.valueFromJson(new BigDecimal("2.0"))).isEqualTo(2.0);
        assertThat(SpaceCodec.valueFromJson(1.5f)).isEqualTo(1.5);
        assertThat(SpaceCodec.valueFromJson("x")).isEqualTo("x");
        assertThat(SpaceCodec.valueFromJson(null)).isNull();
        assertThatThrownBy(() -> SpaceCodec.valueFromJson(List.of())).isInstanceOf(InvalidSpaceException.class);
    }
}
