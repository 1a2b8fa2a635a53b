package dev.hpo.strategy.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

class GpEncodingTest {

    private static final SearchSpace SPACE;

    static {
        Map<String, Object> sgd = new LinkedHashMap<>();
        sgd.put("optimizer", "sgd");
        sgd.put("momentum", new UniformRange("momentum", 0.0, 0.9, null, true));
        SPACE = new SearchSpace(List.of(
                new UniformRange("x", -5.0, 5.0, null, true),
                new IntegerRange("layers", 1, 4, 1, true),
                new LogUniformRange("lr", -4.0, -1.0, 10.0, null, true),
                new DiscreteValues("width", List.of(64, 16, 32)),
                new DiscreteValues("activation", List.of("relu", "tanh")),
                new DiscreteValues("fixed", List.of("only")),
                new ParameterSet("optimizer_choice", List.of(sgd, Map.of("optimizer", "adam")))));
    }

    private final GpEncoding encoding = new GpEncoding(SPACE);

    @Test
    void givesEachKindOfParameterItsCoordinate() {
        assertThat(encoding.dimensions()).extracting(GpDimension::kind).containsExactly(
                GpDimension.Kind.CONTINUOUS, GpDimension.Kind.LATTICE, GpDimension.Kind.CONTINUOUS,
                GpDimension.Kind.LATTICE, GpDimension.Kind.CATEGORICAL, GpDimension.Kind.CATEGORICAL);
        assertThat(encoding.dimensions()).extracting(GpDimension::cells).containsExactly(0, 4, 0, 3, 2, 2);
    }

    @Test
    void encodesIntegersAsCellCentresAndNumericChoicesByRank() {
        Map<String, Object> point = Map.of("x", 0.0, "layers", 2, "lr", 0.01, "width", 32, "activation", "tanh",
                "fixed", "only", "optimizer", "adam");

        double[] x = encoding.encode(point);

        assertThat(x[0]).isEqualTo(0.5);
        assertThat(x[1]).isEqualTo(1.5 / 4);
        assertThat(x[2]).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(x[3]).isEqualTo(1.5 / 3);
        assertThat(x[4]).isEqualTo(1);
        assertThat(x[5]).isEqualTo(1);
    }

    @Test
    void decodesToPointsTheSpaceHoldsAndBackToTheSameCoordinates() {
        var random = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        for (int i = 0; i < 50; i++) {
            double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                random.nextInt(2), random.nextInt(2)};

            Map<String, Object> point = encoding.decode(x, random);

            assertThat(SPACE.holds(point)).as("%s", point).isTrue();
            double[] again = encoding.encode(point);
            for (int j = 0; j < x.length; j++) {
                assertThat(again[j]).isCloseTo(encoding.dimensions().get(j).snap(x[j]),
                        org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @Test
    void tellsAPointOutsideTheSpace() {
        assertThat(encoding.encode(Map.of("x", 0.0))).isNull();
    }
}
