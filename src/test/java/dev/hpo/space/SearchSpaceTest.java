package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static final UniformRandomProvider RANDOM = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);

    private static Map<String, Object> combination(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static final ParameterSet MODELS = new ParameterSet("model", List.of(
            combination("arch", "cnn", "layers", new IntegerRange("layers", 1, 3, 1, true)),
            combination("arch", "mlp", "width", new DiscreteValues("width", List.of(64, 128)))));

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new DiscreteValues("opt", List.of("sgd", "adam")),
            MODELS));

    @Test
    void rejectsEmptySpace() {
        assertThatThrownBy(() -> new SearchSpace(List.of())).isInstanceOf(InvalidSpaceException.class);
        assertThatThrownBy(() -> new SearchSpace(null)).isInstanceOf(InvalidSpaceException.class);
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> new SearchSpace(List.of(
                new UniformRange("x", 0, 1, null, true), new IntegerRange("x", 0, 1, 1, true))))
                .hasMessage("parameters[1].name: name 'x' is already used by parameters[0]");
    }

    @Test
    void rejectsSetKeysThatClashWithAParameter() {
        assertThatThrownBy(() -> new SearchSpace(List.of(
                new DiscreteValues("arch", List.of("a")), MODELS)))
                .hasMessage("parameters[1].combinations[0].arch: name 'arch' is already used by parameters[0]");
    }

    @Test
    void allowsCombinationsOfOneSetToShareKeys() {
        assertThat(SPACE.parameters()).hasSize(2);
    }

    @Test
    void gridSizeSumsCombinationsOfASet() {
        // 2 optimizers x (3 cnn depths + 2 mlp widths)
        assertThat(SPACE.gridSize()).isEqualTo(10);
    }

    @Test
    void gridVariesTheLastParameterFastest() {
        assertThat(SPACE.gridPoint(0)).containsExactly(Map.entry("opt", "sgd"), Map.entry("arch", "cnn"), Map.entry("layers", 1L));
        assertThat(SPACE.gridPoint(1)).containsEntry("layers", 2L);
        assertThat(SPACE.gridPoint(3)).containsExactly(Map.entry("opt", "sgd"), Map.entry("arch", "mlp"), Map.entry("width", 64L));
        assertThat(SPACE.gridPoint(5)).containsEntry("opt", "adam").containsEntry("layers", 1L);
    }

    @Test
    void gridPointsAreDistinctAndHeld() {
        Set<Map<String, Object>> points = new HashSet<>();
        for (long i = 0; i < SPACE.gridSize(); i++) {
            Map<String, Object> point = SPACE.gridPoint(i);
            assertThat(SPACE.holds(point)).as("%s", point).isTrue();
            points.add(point);
        }
        assertThat(points).hasSize(10);
    }

    @Test
    void rejectsGridIndexesOutsideTheGrid() {
        assertThatThrownBy(() -> SPACE.gridPoint(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SPACE.gridPoint(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsGridsPastTheLimitWithoutEnumerating() {
        SearchSpace huge = new SearchSpace(List.of(
                new IntegerRange("a", 0, 99_999, 1, true), new IntegerRange("b", 0, 999, 1, true)));

        assertThatThrownBy(huge::gridSize).isInstanceOf(InvalidSpaceException.class)
                .hasMessage("grid of 100000000 points exceeds the limit of 10000000");
    }

    @Test
    void reportsTheSizeEvenWhenItOverflowsALong() {
        SearchSpace huge = new SearchSpace(List.of(
                new IntegerRange("a", 0, 999_999_999_999L, 1, true), new IntegerRange("b", 0, 999_999_999_999L, 1, true)));

        assertThatThrownBy(huge::gridSize).hasMessage("grid of 1000000000000000000000000 points exceeds the limit of 10000000");
    }

    @Test
    void sampleUsesSetKeysButNotTheSetName() {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> point = SPACE.sample(RANDOM);
            assertThat(point).doesNotContainKey("model").containsKeys("opt", "arch");
            assertThat(SPACE.holds(point)).isTrue();
        }
    }

    @Test
    void holdsRejectsMixedCombinationsAndExtraKeys() {
        assertThat(SPACE.holds(combination("opt", "sgd", "arch", "cnn", "layers", 2))).isTrue();
        assertThat(SPACE.holds(combination("opt", "sgd", "arch", "cnn", "width", 64))).isFalse();
        assertThat(SPACE.holds(combination("opt", "sgd", "arch", "cnn", "layers", 2, "width", 64))).isFalse();
        assertThat(SPACE.holds(combination("opt", "sgd", "arch", "cnn", "layers", 4))).isFalse();
        assertThat(SPACE.holds(combination("opt", "sgd", "arch", "cnn", "layers", 2, "extra", 1))).isFalse();
        assertThat(SPACE.holds(combination("arch", "cnn", "layers", 2))).isFalse();
    }

    @Test
    void holdsRejectsValuesOffTheLatticeOrPastMax() {
        SearchSpace space = new SearchSpace(List.of(new UniformRange("x", 0.01, 0.3, 0.05, true)));

        assertThat(space.holds(Map.of("x", 0.26))).isTrue();
        assertThat(space.holds(Map.of("x", 0.3))).isFalse();
        assertThat(space.holds(Map.of("x", 0.1))).isFalse();
        assertThat(space.holds(Map.of("x", "0.26"))).isFalse();
    }

    @Test
    void canonicalKeyTreatsNumbersAsTheSpaceTypes() {
        SearchSpace space = new SearchSpace(List.of(
                new IntegerRange("n", 0, 10, 1, true), new UniformRange("x", 0, 1, null, true),
                new DiscreteValues("d", List.of(1, "1"))));

        String fromLongs = space.canonicalKey(combination("x", 1L, "n", 3L, "d", 1L));
        String fromDoubles = space.canonicalKey(combination("n", 3.0, "d", 1.0, "x", 1.0));

        assertThat(fromLongs).isEqualTo(fromDoubles).isEqualTo("{\"d\":1,\"n\":3,\"x\":1.0}");
        assertThat(space.canonicalKey(combination("x", 1L, "n", 3L, "d", "1"))).isEqualTo("{\"d\":\"1\",\"n\":3,\"x\":1.0}");
    }

    @Test
    void canonicalKeySnapsLatticeNoise() {
        SearchSpace space = new SearchSpace(List.of(new UniformRange("x", 0.01, 0.3, 0.05, true)));

        assertThat(space.canonicalKey(Map.of("x", 0.01 + 5 * 0.05))).isEqualTo(space.canonicalKey(Map.of("x", 0.26)));
    }

    @Test
    void copiesParametersImmutably() {
        assertThatThrownBy(() -> SPACE.parameters().add(MODELS)).isInstanceOf(UnsupportedOperationException.class);
    }
}
