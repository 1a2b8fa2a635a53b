package dev.hpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchProblemsTest {

    @Test
    void braninIsAtItsOptimumOnEachOfItsThreeMinimisers() {
        // given the three known global minimisers
        double[][] minimisers = {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}};
        Branin branin = new Branin();

        for (double[] x : minimisers) {
            // when evaluated there
            double value = branin.trueValue(Map.of("x1", x[0], "x2", x[1]));

            // then the value is the optimum
            assertThat(value).isCloseTo(branin.optimum(), within(1e-5));
        }
    }

    @Test
    void braninIsAboveItsOptimumElsewhere() {
        assertThat(new Branin().trueValue(Map.of("x1", 0.0, "x2", 0.0))).isCloseTo(55.6021, within(1e-3));
    }

    @Test
    void hartmann6ReachesItsOptimumAtTheKnownMinimiser() {
        // given the published minimiser
        double[] x = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            point.put("x" + i, x[i]);
        }

        // then the value is -3.32237
        Hartmann6 hartmann = new Hartmann6();
        assertThat(hartmann.trueValue(point)).isCloseTo(hartmann.optimum(), within(1e-5));
    }

    @Test
    void ackleyIsZeroAtTheOriginAndReadsIntegersAsLongs() {
        Map<String, Object> origin = Map.of("x0", 0.0, "x1", 0.0, "x2", 0.0, "k0", 0L, "k1", 0L);
        assertThat(new AckleyMixed().trueValue(origin)).isCloseTo(0, within(1e-12));
        Map<String, Object> away = Map.of("x0", 1.0, "x1", 0.0, "x2", 0.0, "k0", 1L, "k1", 0L);
        assertThat(new AckleyMixed().trueValue(away)).isGreaterThan(1);
    }

    @Test
    void countOnesCountsCategoricalOnesAndAddsTheReals() {
        Map<String, Object> point = Map.of("c0", "1", "c1", "0", "c2", "1", "c3", "1",
                "u0", 0.5, "u1", 0.25, "u2", 0.0, "u3", 1.0);
        assertThat(new CountOnes().trueValue(point)).isEqualTo(-4.75);
    }

    @Test
    void learningCurveFollowsTheProtocolFormulaAtAPoint() {
        // given sgd at lr 1e-2, batch 2^5, dropout 0.2, width 64 (log2 = 6)
        Map<String, Object> point = Map.of("lr", 1e-2, "log2_batch", 5L, "dropout", 0.2,
                "optimizer", "sgd", "width", 64.0);
        LearningCurve curve = LearningCurve.of(point);

        // then final = 0.05 + 0.03 + 0.06 (-2 + 1.5)^2 + 0.3 (0.2 - (0.1 + 0.4 * 2/6))^2 + 0.01/4 + 0.02 * 4/16
        double dOpt = 0.1 + 0.4 * 2 / 6.0;
        double expectedFinal = 0.05 + 0.03 + 0.06 * 0.25 + 0.3 * (0.2 - dOpt) * (0.2 - dOpt) + 0.01 / 4 + 0.02 * 4 / 16;
        assertThat(curve.finalValue()).isCloseTo(expectedFinal, within(1e-12));
        // and tau = 1 + 12 * 10^(0.5 * (-1.5 + 2)) at epoch 10
        double tau = 1 + 12 * Math.pow(10, 0.25);
        assertThat(curve.valueAt(10)).isCloseTo(expectedFinal + (1 - expectedFinal) * Math.exp(-10 / tau), within(1e-12));
        assertThat(new LcSimFull().trueValue(point)).isEqualTo(curve.valueAt(81));
    }

    @Test
    void learningCurveRoundsTheLogScaledWidthToAnInteger() {
        Map<String, Object> point = Map.of("lr", 1e-3, "log2_batch", 6L, "dropout", 0.3,
                "optimizer", "adam", "width", 181.02);
        assertThat(LearningCurve.of(point).width()).isEqualTo(181);
    }

    @Test
    void hpolibProteinTableHasEveryConfigurationAndObservesOneSeedPerExperiment() {
        // given the protein table from the shared data folder
        HpolibTable table = HpolibTable.load(Problems.defaultDataDir().resolve("hpolib"), "protein_structure");
        HpolibProtein protein = new HpolibProtein(table);

        // then it holds all 62,208 configurations of the 9 parameters
        assertThat(table.keys()).isEqualTo(62_208);
        assertThat(protein.space().parameters()).hasSize(9);

        // and experiment n observes column n mod 4 of key 000000000 while the true value is their mean
        Map<String, Object> first = new LinkedHashMap<>();
        for (int p = 0; p < table.names().size(); p++) {
            first.put(table.names().get(p), table.choices().get(p).get(0));
        }
        assertThat(protein.evaluate(first, 0)).isEqualTo(0.341951459646225);
        assertThat(protein.evaluate(first, 5)).isEqualTo(0.34103745222091675);
        assertThat(protein.trueValue(first)).isCloseTo(
                (0.341951459646225 + 0.34103745222091675 + 0.33918553590774536 + 0.33868858218193054) / 4, within(1e-15));
        assertThat(protein.optimum()).isLessThanOrEqualTo(protein.trueValue(first));
    }

    @Test
    void hpolibMatchesNumericChoicesWhateverTheirBoxedType() {
        HpolibProtein protein = new HpolibProtein(
                HpolibTable.load(Problems.defaultDataDir().resolve("hpolib"), "protein_structure"));
        Map<String, Object> asLongs = Map.of("activation_fn_1", "relu", "activation_fn_2", "relu",
                "batch_size", 8L, "dropout_1", 0.0, "dropout_2", 0.0, "init_lr", 0.0005,
                "lr_schedule", "cosine", "n_units_1", 16L, "n_units_2", 16L);
        Map<String, Object> asDoubles = new LinkedHashMap<>(asLongs);
        asDoubles.put("batch_size", 8.0);
        asDoubles.put("n_units_1", 16.0);
        assertThat(protein.trueValue(asDoubles)).isEqualTo(protein.trueValue(asLongs));
    }
}
