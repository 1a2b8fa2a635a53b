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

    @Test
    void comparesWithinBucketsAsPairwiseDid() {
        // 2^53 and 2^53 + 1 share a double but are different longs; -0.0 is 0; "1" is not 1
        long big = 1L << 53;
        assertThat(new DiscreteValues("opt", List.of(big, big + 1, "1", 1L)).values()).hasSize(4);
        assertThatThrownBy(() -> new DiscreteValues("opt", List.of(0.0, 5L, -0.0)))
                .hasMessage("parameter 'opt': values[2] repeats values[0] (-0.0)");
        assertThatThrownBy(() -> new DiscreteValues("opt", List.of(big, big + 1, (double) big)))
                .hasMessage("parameter 'opt': values[2] repeats values[0] (" + (double) big + ")");
    }

    @Test
    void takesALongListAndNamesTheFirstRepeatedValue() {
        // QA sent 2,000,000 values over HTTP; the pairwise check kept a request thread busy for minutes
        List<Object> many = new ArrayList<>();
        for (long i = 0; i < 300_000; i++) {
            many.add(i);
        }
        assertThat(new DiscreteValues("opt", many).values()).hasSize(300_000);

        many.add(123_456.0);
        assertThatThrownBy(() -> new DiscreteValues("opt", many))
                .hasMessage("parameter 'opt': values[300000] repeats values[123456] (123456.0)");
    }
}
