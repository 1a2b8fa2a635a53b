package dev.hpo.strategy.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NumericDimensionTest {

    @Test
    void selectFindsTheSameOrderStatisticAsASort() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            // given arrays of every small size, many with repeated values
            int n = 1 + random.nextInt(60);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = trial % 2 == 0 ? random.nextInt(5) : random.nextDouble();
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int rank = random.nextInt(n);

            // then selection agrees with the sorted array at every rank asked
            assertThat(NumericDimension.select(values.clone(), rank)).isEqualTo(sorted[rank]);
        }
    }
}
