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
        HpolibProblem protein = new HpolibProblem(table);

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
        HpolibProblem protein = new HpolibProblem(
                HpolibTable.load(Problems.defaultDataDir().resolve("hpolib"), "protein_structure"));
        Map<String, Object> asLongs = Map.of("activation_fn_1", "relu", "activation_fn_2", "relu",
                "batch_size", 8L, "dropout_1", 0.0, "dropout_2", 0.0, "init_lr", 0.0005,
                "lr_schedule", "cosine", "n_units_1", 16L, "n_units_2", 16L);
        Map<String, Object> asDoubles = new LinkedHashMap<>(asLongs);
        asDoubles.put("batch_size", 8.0);
        asDoubles.put("n_units_1", 16.0);
        assertThat(protein.trueValue(asDoubles)).isEqualTo(protein.trueValue(asLongs));
    }

    @Test
    void boxFunctionsAreAtTheirPublishedOptimaOnTheirMinimisers() {
        assertThat(valueAt(BoxFunction.rosenbrock10(), 1.0)).isCloseTo(0, within(1e-12));
        assertThat(valueAt(BoxFunction.levy10(), 1.0)).isCloseTo(0, within(1e-12));
        assertThat(valueAt(BoxFunction.ackley10(), 0.0)).isCloseTo(0, within(1e-12));
        BoxFunction styblinski = BoxFunction.styblinskiTang20();
        assertThat(styblinski.optimum()).isCloseTo(-39.16617 * 20, within(1e-3));
        assertThat(valueAt(styblinski, TestFunctions.STYBLINSKI_TANG_X)).isCloseTo(styblinski.optimum(), within(1e-9));
        // and a step away from the minimiser is worse
        assertThat(valueAt(styblinski, TestFunctions.STYBLINSKI_TANG_X + 0.01)).isGreaterThan(styblinski.optimum());
        assertThat(valueAt(BoxFunction.rosenbrock10(), 0.0)).isEqualTo(9.0);
    }

    @Test
    void jenattonFollowsItsFourLeavesAndIsOneTenthAtTheOptimum() {
        Jenatton jenatton = new Jenatton();
        assertThat(jenatton.trueValue(Map.of("x1", 0L, "x2", 0L, "x4", 0.0, "r8", 0.0))).isEqualTo(jenatton.optimum());
        assertThat(jenatton.trueValue(Map.of("x1", 0L, "x2", 1L, "x5", 0.5, "r8", 0.25))).isCloseTo(0.7, within(1e-12));
        assertThat(jenatton.trueValue(Map.of("x1", 1L, "x3", 0L, "x6", 1.0, "r9", 0.0))).isCloseTo(1.3, within(1e-12));
        assertThat(jenatton.trueValue(Map.of("x1", 1L, "x3", 1L, "x7", 0.0, "r9", 1.0))).isCloseTo(1.4, within(1e-12));
        // and every point its space samples is one of the leaves
        Map<String, Object> sampled = jenatton.space().sample(dev.hpo.strategy.Seeds.forSuggestion(3, 0));
        assertThat(jenatton.trueValue(sampled)).isBetween(0.1, 2.4);
    }

    @Test
    void noisyHartmannAddsTheSeededNoiseThePythonScriptDrawsAndScoresTheTrueValue() {
        // given the published minimiser and the script's first draws (bench/optuna_peer.py, normal(0, 0) and (1, 2))
        Map<String, Object> point = new LinkedHashMap<>();
        double[] x = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
        for (int i = 0; i < x.length; i++) {
            point.put("x" + i, x[i]);
        }
        NoisyProblem noisy = new NoisyProblem("hartmann6_noisy", new Hartmann6(), 0.1);

        // then the observation is the true value plus 0.1 times the seeded draw, and the regret uses the true value
        double truth = new Hartmann6().trueValue(point);
        assertThat(noisy.evaluate(point, 0, 0)).isEqualTo(truth + 0.1 * PortableNoise.normal(0, 0));
        assertThat(PortableNoise.normal(0, 0)).isCloseTo(NOISE_0_0, within(1e-12));
        assertThat(PortableNoise.normal(1, 2)).isCloseTo(NOISE_1_2, within(1e-12));
        assertThat(noisy.evaluate(point, 1, 0)).isNotEqualTo(noisy.evaluate(point, 0, 0));
        assertThat(noisy.evaluate(point, 0, 1)).isNotEqualTo(noisy.evaluate(point, 0, 0));
        assertThat(noisy.trueValue(point)).isEqualTo(truth);
    }

    @Test
    void allCategoricalHpolibOffersTextChoicesWithTheSameTableValues() {
        HpolibTable table = HpolibTable.load(Problems.defaultDataDir().resolve("hpolib"), "naval_propulsion");
        HpolibProblem ordinal = new HpolibProblem("hpolib_naval", table, false);
        HpolibProblem categorical = new HpolibProblem("hpolib_naval_cat", table, true);
        Map<String, Object> numbers = Map.of("activation_fn_1", "tanh", "activation_fn_2", "relu",
                "batch_size", 32L, "dropout_1", 0.3, "dropout_2", 0.0, "init_lr", 0.0005,
                "lr_schedule", "const", "n_units_1", 512L, "n_units_2", 16L);
        Map<String, Object> texts = Map.of("activation_fn_1", "tanh", "activation_fn_2", "relu",
                "batch_size", "32", "dropout_1", "0.3", "dropout_2", "0", "init_lr", "0.0005",
                "lr_schedule", "const", "n_units_1", "512", "n_units_2", "16");
        assertThat(categorical.trueValue(texts)).isEqualTo(ordinal.trueValue(numbers));
        assertThat(categorical.evaluate(texts, 6)).isEqualTo(ordinal.evaluate(numbers, 6));
        assertThat(categorical.space().parameters()).allMatch(p -> p instanceof dev.hpo.space.DiscreteValues d
                && d.values().stream().allMatch(v -> v instanceof String));
        assertThat(categorical.optimum()).isEqualTo(ordinal.optimum()).isLessThan(ordinal.trueValue(numbers));
    }

    private static final double NOISE_0_0 = -1.8941495337446714;
    private static final double NOISE_1_2 = -0.4046120901200678;

    private static double valueAt(BoxFunction function, double coordinate) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < function.space().parameters().size(); i++) {
            point.put("x" + i, coordinate);
        }
        return function.trueValue(point);
    }
}
