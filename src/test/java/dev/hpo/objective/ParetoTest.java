package dev.hpo.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParetoTest {

    @Test
    void dominatesWhenNoWorseAnywhereAndBetterSomewhere() {
        assertThat(Pareto.dominates(new double[] {1, 2}, new double[] {1, 3})).isTrue();
        assertThat(Pareto.dominates(new double[] {1, 3}, new double[] {1, 2})).isFalse();
        assertThat(Pareto.dominates(new double[] {1, 2}, new double[] {1, 2})).isFalse();
        assertThat(Pareto.dominates(new double[] {0, 5}, new double[] {1, 2})).isFalse();
    }

    @Test
    void nanCountsAsTheWorstLoss() {
        assertThat(Pareto.dominates(new double[] {1, 2}, new double[] {1, Double.NaN})).isTrue();
        assertThat(Pareto.dominates(new double[] {1, Double.NaN}, new double[] {1, 2})).isFalse();
    }

    @Test
    void rejectsVectorsOfDifferentLengths() {
        assertThatThrownBy(() -> Pareto.dominates(new double[] {1}, new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortsIntoFrontsKeepingTheGivenOrderInside() {
        List<double[]> losses = List.of(
                new double[] {3, 3}, // 0: dominated by 1 and 2
                new double[] {1, 2}, // 1: front 0
                new double[] {2, 1}, // 2: front 0
                new double[] {4, 4}, // 3: dominated by 0
                new double[] {0, 5}); // 4: front 0

        assertThat(Pareto.frontIndices(losses)).containsExactly(List.of(1, 2, 4), List.of(0), List.of(3));
    }

    @Test
    void paretoFrontKeepsEqualPoints() {
        List<String> items = List.of("a", "b", "c");
        double[][] losses = {{1, 1}, {1, 1}, {2, 2}};

        assertThat(Pareto.paretoFront(items, s -> losses[s.charAt(0) - 'a'])).containsExactly("a", "b");
    }

    @Test
    void emptyInputHasNoFronts() {
        assertThat(Pareto.paretoFront(List.<double[]>of(), v -> v)).isEmpty();
    }

    @Test
    void rejectsItemsWithoutLosses() {
        List<double[]> losses = new java.util.ArrayList<>();
        losses.add(new double[] {1});
        losses.add(null);
        assertThatThrownBy(() -> Pareto.frontIndices(losses)).hasMessageContaining("exclude it before ranking");
    }
}
