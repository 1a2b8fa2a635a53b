package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DiscreteValuesTest {

    @Test
    void normalisesIntegersToLongAndFloatsToDouble() {
        DiscreteValues values = new DiscreteValues("opt", List.of(1, (short) 2, 1.5f, "adam", true));

        assertThat(values.values()).containsExactly(1L, 2L, 1.5, "adam", true);
    }

    @Test
    void rejectsEmptyValues() {
        assertThatThrownBy(() -> new DiscreteValues("opt", List.of()))
                .isInstanceOf(InvalidSpaceException.class).hasMessage("parameter 'opt': values must not be empty");
    }

    @Test
    void rejectsDuplicatesComparingNumbersByValue() {
        assertThatThrownBy(() -> new DiscreteValues("opt", List.of(1, 1.0)))
                .hasMessage("parameter 'opt': values[1] repeats values[0] (1.0)");
    }

    @Test
    void rejectsUnsupportedTypesAndNulls() {
        assertThatThrownBy(() -> new DiscreteValues("opt", List.of(List.of(1)))).hasMessageContaining("values[0] must be a string");
        assertThatThrownBy(() -> new DiscreteValues("opt", Arrays.asList("a", null))).hasMessageContaining("values[1] must not be null");
        assertThatThrownBy(() -> new DiscreteValues("opt", List.of(Double.NaN))).hasMessageContaining("values[0] must be a string");
    }

    @Test
    void keepsAnImmutableCopy() {
        List<Object> source = new ArrayList<>(List.of("a", "b"));
        DiscreteValues values = new DiscreteValues("opt", source);
        source.add("c");

        assertThat(values.values()).containsExactly("a", "b");
        assertThatThrownBy(() -> values.values().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void gridKeepsTheGivenOrder() {
        SearchSpace space = new SearchSpace(List.of(new DiscreteValues("opt", List.of("sgd", "adam", "rmsprop"))));

        assertThat(UniformRangeTest.gridValues(space, "opt")).containsExactly("sgd", "adam", "rmsprop");
    }
}
