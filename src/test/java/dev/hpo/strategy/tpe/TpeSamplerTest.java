package dev.hpo.strategy.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

class TpeSamplerTest {

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new UniformRange("x", 0, 10, null, true),
            new LogUniformRange("lr", -5, -1, 10, null, true),
            new DiscreteValues("batch", List.of(8L, 16L, 32L, 64L, 128L)),
            new DiscreteValues("act", List.of("relu", "tanh"))));

    private final UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);

    private List<Observation> observations(int count) {
        List<Observation> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> point = SPACE.sample(random);
            double x = ((Number) point.get("x")).doubleValue();
            result.add(new Observation(point, Math.abs(x - 7)));
        }
        return result;
    }

    @Test
    void splitsTheBestGammaShareIntoTheGoodGroupKeepingOrder() {
        List<Observation> all = observations(40);

        TpeSampler.Split split = TpeSampler.split(all, TpeOptions.DEFAULTS);

        assertThat(split.good()).hasSize(4);
        assertThat(split.bad()).hasSize(36);
        double worstGood = split.good().stream().mapToDouble(Observation::loss).max().orElseThrow();
        assertThat(split.bad()).allSatisfy(o -> assertThat(o.loss()).isGreaterThanOrEqualTo(worstGood));
        assertThat(all.indexOf(split.good().get(0))).isLessThan(all.indexOf(split.good().get(1)));
    }

    @Test
    void samplesPointsTheSpaceHoldsNearTheGoodRegion() {
        // given 60 observations whose loss is the distance of x from 7
        TpeSampler.Split split = TpeSampler.split(observations(60), TpeOptions.DEFAULTS);

        // when the model proposes 40 points, univariate and multivariate
        int near = 0;
        for (int i = 0; i < 20; i++) {
            for (boolean multivariate : new boolean[] {false, true}) {
                Map<String, Object> point = TpeSampler.sample(SPACE, split.good(), split.bad(),
                        TpeOptions.DEFAULTS.withMultivariate(multivariate), random);
                // then every point is one the space holds, and most lie near x = 7
                assertThat(SPACE.holds(point)).isTrue();
                near += Math.abs(((Number) point.get("x")).doubleValue() - 7) < 1.5 ? 1 : 0;
            }
        }
        assertThat(near).isGreaterThan(28);
    }

    @Test
    void numericDiscreteValuesShareEvidenceWithTheirNeighbours() {
        // given good observations at batch 32 (rank 2), modelled by rank
        Variable ordinal = Variable.of(SPACE.parameters().get(2), TpeOptions.DEFAULTS);
        ParzenEstimator estimator = ParzenEstimator.fit(List.of(ordinal), new double[][] {{2}, {2}, {2}, {2}},
                TpeOptions.DEFAULTS, false);

        // when the masses of the five ranks are read
        double[] logs = estimator.logDensity(new double[][] {{0}, {1}, {2}, {3}, {4}});

        // then 32 is most likely and its neighbours 16 and 64 more likely than the far ends 8 and 128
        assertThat(ordinal).isInstanceOf(Variable.Ordinal.class);
        assertThat(logs[2]).isGreaterThan(logs[1]);
        assertThat(logs[1]).isGreaterThan(logs[0]);
        assertThat(logs[3]).isGreaterThan(logs[4]);
    }

    @Test
    void stringChoicesStayCategorical() {
        assertThat(Variable.of(SPACE.parameters().get(3), TpeOptions.DEFAULTS)).isInstanceOf(Variable.Categorical.class);
        assertThat(Variable.of(SPACE.parameters().get(2), TpeOptions.DEFAULTS.withMultivariate(false)))
                .isInstanceOf(Variable.Ordinal.class);
    }

    @Test
    void multivariateModelsACombinationsNestedParametersJointly() {
        // given a set whose one combination nests two reals, good experiments on the diagonal u = v, bad ones off it
        SearchSpace nested = new SearchSpace(List.of(new ParameterSet("model", List.of(
                Map.of("kind", "joint", "u", new UniformRange("u", 0, 1, null, true),
                        "v", new UniformRange("v", 0, 1, null, true))))));
        List<Observation> good = new ArrayList<>();
        List<Observation> bad = new ArrayList<>();
        for (double t : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
            good.add(new Observation(Map.of("kind", "joint", "u", t, "v", t), 0));
            bad.add(new Observation(Map.of("kind", "joint", "u", t, "v", 1 - t), 1));
            bad.add(new Observation(Map.of("kind", "joint", "u", 1 - t, "v", t), 1));
        }

        // when each model proposes 100 points
        int[] nearDiagonal = new int[2];
        for (int m = 0; m < 2; m++) {
            TpeOptions options = TpeOptions.DEFAULTS.withMultivariate(m == 1);
            for (int i = 0; i < 100; i++) {
                Map<String, Object> point = TpeSampler.sample(nested, good, bad, options, random);
                assertThat(nested.holds(point)).isTrue();
                double u = ((Number) point.get("u")).doubleValue();
                double v = ((Number) point.get("v")).doubleValue();
                nearDiagonal[m] += Math.abs(u - v) < 0.15 ? 1 : 0;
            }
        }

        // then the joint (multivariate) model lands near the diagonal far more often than the one-by-one model
        assertThat(nearDiagonal[1]).isGreaterThan(60).isGreaterThan(nearDiagonal[0] + 20);
    }

    @Test
    void multivariateOnChoicesOnlyPassesOverCandidatesAlreadyTried() {
        // given an all-categorical space where every good experiment is the one point (a0, b0), already tried
        SearchSpace choices = new SearchSpace(List.of(
                new DiscreteValues("a", List.of("a0", "a1", "a2", "a3", "a4")),
                new DiscreteValues("b", List.of("b0", "b1", "b2", "b3", "b4"))));
        Map<String, Object> best = Map.of("a", "a0", "b", "b0");
        List<Observation> good = List.of(new Observation(best, 0), new Observation(best, 0));
        List<Observation> bad = List.of(new Observation(Map.of("a", "a3", "b", "b3"), 1),
                new Observation(Map.of("a", "a4", "b", "b2"), 1), new Observation(Map.of("a", "a2", "b", "b4"), 1));
        TpeOptions multivariate = TpeOptions.DEFAULTS.withMultivariate(true);

        int repeatsWithout = 0;
        for (long seed = 0; seed < 20; seed++) {
            // when the model proposes with and without knowing what was tried (same generator state)
            Map<String, Object> unaware = TpeSampler.sample(choices, good, bad, multivariate,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            Map<String, Object> aware = TpeSampler.sample(choices, good, bad, multivariate,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed), best::equals);

            // then knowing it never proposes the tried point, while the unaware model mostly does
            assertThat(aware).isNotEqualTo(best);
            assertThat(choices.holds(aware)).isTrue();
            repeatsWithout += unaware.equals(best) ? 1 : 0;
        }
        assertThat(repeatsWithout).isGreaterThan(10);
    }
}
