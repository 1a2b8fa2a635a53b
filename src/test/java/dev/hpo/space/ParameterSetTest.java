package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterSetTest {

    @Test
    void defaultsItsName() {
        ParameterSet set = new ParameterSet(null, List.of(Map.of("a", 1)));

        assertThat(set.name()).isEqualTo("parameter_set");
        assertThat(set.combinations().get(0)).containsEntry("a", 1L);
    }

    @Test
    void rejectsEmptyCombinations() {
        assertThatThrownBy(() -> new ParameterSet("s", List.of()))
                .hasMessage("parameter 's': combinations must not be empty");
        assertThatThrownBy(() -> new ParameterSet("s", List.of(Map.of("a", 1), Map.of())))
                .hasMessage("parameter 's': combinations[1] must not be empty");
    }

    @Test
    void rejectsNestedSets() {
        ParameterSet inner = new ParameterSet("inner", List.of(Map.of("a", 1)));

        assertThatThrownBy(() -> new ParameterSet("s", List.of(Map.of("inner", inner))))
                .hasMessageContaining("combinations[0].inner must not be a parameter set");
    }

    @Test
    void rejectsNestedParameterNamedOtherThanItsKey() {
        assertThatThrownBy(() -> new ParameterSet("s", List.of(Map.of("lr", new UniformRange("rate", 0, 1, null, true)))))
                .hasMessageContaining("combinations[0].lr is a parameter named 'rate'");
    }

    @Test
    void rejectsUnsupportedConstants() {
        assertThatThrownBy(() -> new ParameterSet("s", List.of(Map.of("a", new Object()))))
                .hasMessageContaining("combinations[0].a must be a string, a finite number or a boolean");
    }

    @Test
    void rejectsRepeatedCombinations() {
        assertThatThrownBy(() -> new ParameterSet("s", List.of(Map.of("a", 1), Map.of("a", 2), Map.of("a", 1.0))))
                .hasMessage("parameter 's': combinations[2] repeats combinations[0]");
    }

    @Test
    void findsARepeatAmongManyCombinationsWhateverTheKeyOrderAndNumberType() {
        // the check was pairwise: 10,000 combinations took seconds, a 2 MB request could hold 50,000
        List<Map<String, Object>> many = new ArrayList<>();
        for (long i = 0; i < 100_000; i++) {
            many.add(Map.of("a", i, "b", "x"));
        }
        assertThat(new ParameterSet("s", many).combinations()).hasSize(100_000);

        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("b", "x");
        reordered.put("a", 77_777.0);
        many.add(reordered);
        assertThatThrownBy(() -> new ParameterSet("s", many))
                .hasMessage("parameter 's': combinations[100000] repeats combinations[77777]");
    }

    @Test
    void keepsKeyOrder() {
        Map<String, Object> combination = new LinkedHashMap<>();
        combination.put("z", 1);
        combination.put("a", 2);
        combination.put("m", 3);

        assertThat(new ParameterSet(null, List.of(combination)).combinations().get(0).keySet()).containsExactly("z", "a", "m");
    }
}
