package dev.hpo.strategy.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.UniformRange;

class ParzenEstimatorTest {

    private final UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);

    @Test
    void continuousDensityIntegratesToOneOverTheRange() {
        // given observations of a uniform range, one bunched near the lower bound
        List<Variable> variables = List.of(new Variable.Numeric(new UniformRange("x", -5, 10, null, true)));
        double[][] rows = {{-4.9}, {-4.8}, {0}, {3}, {9.5}};
        ParzenEstimator estimator = ParzenEstimator.fit(variables, rows, TpeOptions.DEFAULTS, false);

        // when the density is integrated on a fine grid
        int steps = 20_000;
        double width = 15.0 / steps;
        double[][] grid = new double[steps][];
        for (int i = 0; i < steps; i++) {
            grid[i] = new double[] {-5 + (i + 0.5) * width};
        }
        double integral = 0;
        for (double log : estimator.logDensity(grid)) {
            integral += Math.exp(log) * width;
        }

        // then it is a probability density on the range (truncation renormalised)
        assertThat(integral).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void multivariateDensityIntegratesToOneOverTheSquare() {
        List<Variable> variables = List.of(new Variable.Numeric(new UniformRange("x", 0, 1, null, true)),
                new Variable.Numeric(new UniformRange("y", 0, 2, null, true)));
        double[][] rows = {{0.1, 0.2}, {0.5, 1.9}, {0.95, 1.0}};
        ParzenEstimator estimator = ParzenEstimator.fit(variables, rows, TpeOptions.DEFAULTS, true);

        int steps = 300;
        double[][] grid = new double[steps * steps][];
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                grid[i * steps + j] = new double[] {(i + 0.5) / steps, 2 * (j + 0.5) / steps};
            }
        }
        double integral = 0;
        for (double log : estimator.logDensity(grid)) {
            integral += Math.exp(log) * (1.0 / steps) * (2.0 / steps);
        }

        assertThat(integral).isCloseTo(1.0, within(2e-3));
    }

    @Test
    void steppedRangeGivesMassOnlyToLatticePointsAndItSumsToOne() {
        // given an integer range with step 3: 0, 3, 6, 9
        IntegerRange range = new IntegerRange("k", 0, 10, 3, true);
        List<Variable> variables = List.of(new Variable.Numeric(range));
        double[][] rows = {{3}, {3}, {9}};
        ParzenEstimator estimator = ParzenEstimator.fit(variables, rows, TpeOptions.DEFAULTS, false);

        // when it is sampled and its lattice masses are summed
        double[][] samples = estimator.sample(2_000, random);
        double[] masses = estimator.logDensity(new double[][] {{0}, {3}, {6}, {9}});

        // then every sample is a lattice point and the masses form a distribution that favours 3
        for (double[] sample : samples) {
            assertThat(sample[0]).isIn(0.0, 3.0, 6.0, 9.0);
        }
        double total = 0;
        for (double log : masses) {
            total += Math.exp(log);
        }
        assertThat(total).isCloseTo(1.0, within(1e-6));
        assertThat(masses[1]).isGreaterThan(masses[0]).isGreaterThan(masses[2] - 1e-12);
    }

    @Test
    void logUniformRangeIsModelledOnTheExponent() {
        // given observations at 10^-4 on a 10^[-5, -1] range
        LogUniformRange range = new LogUniformRange("lr", -5, -1, 10, null, true);
        Variable.Numeric variable = new Variable.Numeric(range);
        double coordinate = variable.encode(java.util.Map.of("lr", 1e-4));
        ParzenEstimator estimator = ParzenEstimator.fit(List.of(variable),
                new double[][] {{coordinate}, {coordinate}, {coordinate}}, TpeOptions.DEFAULTS, false);

        // when sampled, the draws concentrate around the exponent -4, not around the value 1e-4
        double[][] samples = estimator.sample(1_000, random);
        int near = 0;
        for (double[] sample : samples) {
            near += Math.abs(sample[0] + 4) < 1 ? 1 : 0;
        }
        assertThat(coordinate).isCloseTo(-4, within(1e-9));
        assertThat(near).isGreaterThan(550);
    }

    @Test
    void categoricalWeightsFollowOptunaSmoothing() {
        // given three observations of choice 1 among three choices, prior weight 1
        List<Variable> variables = List.of(new Variable.Categorical(new DiscreteValues("c", List.of("a", "b", "c")), 3));
        ParzenEstimator estimator = ParzenEstimator.fit(variables, new double[][] {{1}, {1}, {1}},
                TpeOptions.DEFAULTS, false);

        // when the choice probabilities are read
        double[] logs = estimator.logDensity(new double[][] {{0}, {1}, {2}});

        // then each observation's kernel is (0.25 + [hit]) / 1.75, mixed 3:1 with the uniform prior
        double hit = 1.25 / 1.75;
        double miss = 0.25 / 1.75;
        assertThat(Math.exp(logs[1])).isCloseTo(0.75 * hit + 0.25 / 3, within(1e-12));
        assertThat(Math.exp(logs[0])).isCloseTo(0.75 * miss + 0.25 / 3, within(1e-12));
        assertThat(Math.exp(logs[0]) + Math.exp(logs[1]) + Math.exp(logs[2])).isCloseTo(1, within(1e-12));
    }

    @Test
    void samplesFollowTheDensity() {
        // given a mixture fitted to two clusters
        List<Variable> variables = List.of(new Variable.Numeric(new UniformRange("x", 0, 10, null, true)));
        double[][] rows = {{1}, {1.2}, {1.1}, {8}, {8.1}};
        ParzenEstimator estimator = ParzenEstimator.fit(variables, rows, TpeOptions.DEFAULTS, false);

        // when sampled many times, the share below 5 matches the density's mass below 5
        double[][] samples = estimator.sample(20_000, random);
        double share = 0;
        for (double[] s : samples) {
            share += s[0] < 5 ? 1 : 0;
        }
        share /= samples.length;
        int steps = 5_000;
        double mass = 0;
        double[][] grid = new double[steps][];
        for (int i = 0; i < steps; i++) {
            grid[i] = new double[] {(i + 0.5) * 5.0 / steps};
        }
        for (double log : estimator.logDensity(grid)) {
            mass += Math.exp(log) * 5.0 / steps;
        }
        assertThat(share).isCloseTo(mass, within(0.015));
    }

    @Test
    void univariateFastPathAgreesWithTheFullSumOverComponents() {
        agreesWithFullSum(new UniformRange("x", -3, 7, null, true));
    }

    @Test
    void univariateFastPathAgreesWithTheFullSumOnALattice() {
        agreesWithFullSum(new UniformRange("x", -3, 7, 0.5, true));
    }

    private void agreesWithFullSum(UniformRange range) {
        // given 800 observations bunched in places, fitted once alone and once beside a one-choice categorical
        // (which multiplies every kernel by 1 but takes the general product path)
        DiscreteValues single = new DiscreteValues("c", List.of("only"));
        double[][] alone = new double[800][];
        double[][] paired = new double[800][];
        for (int i = 0; i < alone.length; i++) {
            double x = (double) range.valueAt(i % 3 == 0 ? 2 + 0.01 * random.nextDouble()
                    : -3 + 10 * Math.pow(random.nextDouble(), 3));
            alone[i] = new double[] {x};
            paired[i] = new double[] {x, 0};
        }
        ParzenEstimator fast = ParzenEstimator.fit(List.of(new Variable.Numeric(range)), alone, TpeOptions.DEFAULTS, false);
        ParzenEstimator full = ParzenEstimator.fit(List.of(new Variable.Numeric(range), new Variable.Categorical(single, 1)),
                paired, TpeOptions.DEFAULTS, false);

        // when both score points across the range
        double[][] points = new double[200][];
        double[][] pairedPoints = new double[200][];
        for (int i = 0; i < points.length; i++) {
            double x = (double) range.valueAt(-3 + 10 * i / 199.0);
            points[i] = new double[] {x};
            pairedPoints[i] = new double[] {x, 0};
        }

        // then the windowed univariate sums equal the full ones
        double[] fastDensity = fast.logDensity(points);
        double[] fullDensity = full.logDensity(pairedPoints);
        double[] fastScore = fast.logScore(points);
        double[] fullScore = full.logScore(pairedPoints);
        for (int i = 0; i < points.length; i++) {
            assertThat(fastDensity[i]).isCloseTo(fullDensity[i], within(1e-9));
            assertThat(fastScore[i]).isCloseTo(fullScore[i], within(1e-9));
        }
    }
}
