package dev.hpo.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PedAnovaTest {

    @Test
    void findsTheDominantParameterFirstAndGivesTheIrrelevantOneAlmostNothing() {
        // f(x, y, z) = 10 x^2 + z^2 on [-1, 1]^3: x dominates, z matters less, y not at all
        Random random = new Random(42);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
            y[i] = random.nextDouble() * 2 - 1;
            z[i] = random.nextDouble() * 2 - 1;
            loss[i] = 10 * x[i] * x[i] + z[i] * z[i];
        }
        List<ParameterImportance> result = PedAnova.evaluate(List.of(
                new Column.Numeric("y", -1, 1, y), new Column.Numeric("x", -1, 1, x), new Column.Numeric("z", -1, 1, z)),
                loss);

        assertThat(result).extracting(ParameterImportance::parameter).containsExactly("x", "z", "y");
        assertThat(result.get(0).importance()).isGreaterThan(0.6);
        assertThat(result.get(2).importance()).isLessThan(0.1);
        assertThat(result.stream().mapToDouble(ParameterImportance::importance).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCategoricalParameterThatDecidesTheLossOutranksANumericOneThatDoesNot() {
        Random random = new Random(7);
        int n = 200;
        int[] optimizer = new int[n];
        double[] lr = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            optimizer[i] = random.nextInt(3);
            lr[i] = -4 + 3 * random.nextDouble();
            loss[i] = (optimizer[i] == 2 ? 0 : 1) + 0.01 * random.nextDouble();
        }
        List<ParameterImportance> result = PedAnova.evaluate(List.of(
                new Column.Numeric("lr", -4, -1, lr), new Column.Categorical("optimizer", 3, optimizer)), loss);

        assertThat(result.get(0).parameter()).isEqualTo("optimizer");
        assertThat(result.get(0).importance()).isGreaterThan(0.8);
    }

    @Test
    void trialsWithoutAValueForAParameterAreLeftOutOfItsDensities() {
        double[] x = {0.1, Double.NaN, 0.9, 0.5, Double.NaN, 0.2};
        double[] loss = {1, 2, 3, 4, 5, 6};
        List<ParameterImportance> result = PedAnova.evaluate(List.of(new Column.Numeric("x", 0, 1, x)), loss);
        assertThat(result).hasSize(1);
        assertThat(result.get(0).importance()).isBetween(0.0, 1.0);
    }

    @Test
    void fewerThanTwoTrialsGiveNoImportancesAndConstantParametersGiveZero() {
        assertThat(PedAnova.evaluate(List.of(new Column.Numeric("x", 0, 1, new double[] {0.5})), new double[] {1}))
                .isEmpty();
        List<ParameterImportance> constant = PedAnova.evaluate(
                List.of(new Column.Numeric("x", 0.5, 0.5, new double[] {0.5, 0.5, 0.5})), new double[] {1, 2, 3});
        assertThat(constant).containsExactly(new ParameterImportance("x", 0));
    }

    @Test
    void theTopQuantileIsTheBestTenthButAtLeastTwoTrials() {
        assertThat(PedAnova.topTrials(new double[] {5, 1, 4, 2, 3})).containsExactly(false, true, false, true, false);
        double[] losses = new double[30];
        for (int i = 0; i < 30; i++) {
            losses[i] = 30 - i;
        }
        boolean[] top = PedAnova.topTrials(losses);
        assertThat(top[29]).isTrue();
        assertThat(top[28]).isTrue();
        assertThat(top[27]).isTrue();
        assertThat(top[26]).isFalse();
    }

    @Test
    void rejectsNonFiniteLossesAndCodesOutsideTheCategories() {
        assertThatThrownBy(() -> PedAnova.evaluate(List.of(new Column.Numeric("x", 0, 1, new double[] {0, 1})),
                new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PedAnova.evaluate(List.of(new Column.Categorical("c", 2, new int[] {0, 2})),
                new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
