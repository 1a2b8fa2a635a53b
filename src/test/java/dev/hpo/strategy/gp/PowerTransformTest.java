package dev.hpo.strategy.gp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PowerTransformTest {

    @Test
    void keepsTheOrderAndPullsInALongTail() {
        double[] y = {-0.4, -0.39, -0.38, -0.35, -0.3, -0.2, 0.1, 3.5};

        double[] warped = PowerTransform.apply(y);

        for (int i = 1; i < y.length; i++) {
            assertThat(warped[i]).isGreaterThan(warped[i - 1]);
        }
        // the outlier no longer sits ten gaps away from the rest
        assertThat((warped[7] - warped[6]) / (warped[6] - warped[0])).isLessThan((y[7] - y[6]) / (y[6] - y[0]));
        assertThat(PowerTransform.bestLambda(y)).isLessThan(1);
    }

    @Test
    void isTheIdentityShapeAtLambdaOne() {
        assertThat(PowerTransform.transform(2.5, 1)).isEqualTo(2.5);
        assertThat(PowerTransform.transform(-1.5, 1)).isEqualTo(-1.5);
    }
}
