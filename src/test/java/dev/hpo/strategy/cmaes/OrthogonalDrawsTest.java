package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class OrthogonalDrawsTest {

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void drawsMutuallyOrthogonalVectorsWithinEachBlockOfTheDimension() {
        // given a generation of 8 in 5 dimensions: a block of 5 and a block of 3
        List<double[]> draws = OrthogonalDraws.of(5, 8, RandomSource.SPLIT_MIX_64.create(11L), false);
        // then there are 8, and the vectors of each block are orthogonal
        assertThat(draws).hasSize(8);
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                if (a / 5 == b / 5) {
                    double cosine = dot(draws.get(a), draws.get(b))
                            / Math.sqrt(dot(draws.get(a), draws.get(a)) * dot(draws.get(b), draws.get(b)));
                    assertThat(cosine).isCloseTo(0, within(1e-9));
                }
            }
        }
    }

    @Test
    void stratifiedLengthsPutOneVectorInEachEqualProbabilityStratum() {
        // given a generation of 6 in 2 dimensions with stratified lengths
        List<double[]> draws = OrthogonalDraws.of(2, 6, RandomSource.SPLIT_MIX_64.create(3L), true);
        // then the chi probabilities of the sorted lengths fall one into each sixth of [0, 1]
        double[] probabilities = draws.stream().mapToDouble(z -> ChiQuantile.cdf(2, Math.sqrt(dot(z, z)))).sorted()
                .toArray();
        for (int i = 0; i < 6; i++) {
            assertThat(probabilities[i]).isBetween(i / 6.0 - 1e-9, (i + 1) / 6.0 + 1e-9);
        }
    }

    @Test
    void eachVectorIsStillStandardNormalOnAverage() {
        // given many generations of 6 in 3 dimensions
        double[] sumSquares = new double[3];
        double[] sums = new double[3];
        int count = 0;
        var random = RandomSource.SPLIT_MIX_64.create(5L);
        for (int g = 0; g < 4000; g++) {
            for (double[] z : OrthogonalDraws.of(3, 6, random, true)) {
                for (int i = 0; i < 3; i++) {
                    sums[i] += z[i];
                    sumSquares[i] += z[i] * z[i];
                }
                count++;
            }
        }
        // then every coordinate has mean 0 and variance 1, as N(0, I)
        for (int i = 0; i < 3; i++) {
            assertThat(sums[i] / count).isCloseTo(0, within(0.03));
            assertThat(sumSquares[i] / count).isCloseTo(1, within(0.03));
        }
        assertThat(Arrays.stream(sums).allMatch(Double::isFinite)).isTrue();
    }
}
