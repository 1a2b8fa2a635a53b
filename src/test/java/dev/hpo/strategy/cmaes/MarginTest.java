package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hpo.space.IntegerRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

class MarginTest {

    /** k in 0..4: five cells of width 0.2 in [0, 1]; x continuous. */
    private static final CmaEncoding ENCODING = CmaEncoding.of(new SearchSpace(List.of(
            new IntegerRange("k", 0, 4, 1, true), new UniformRange("x", 0, 1, null, true))));

    /** A distribution whose step size (0.01) is far below the cell width. */
    private static CmaDistribution converged(double k, double x) {
        return CmaDistribution.start(new double[] {k, x}, 0.01);
    }

    @Test
    void widensAnInnerIntegerSoBothNeighboursKeepAtLeastHalfOfAlpha() {
        // given a step size far below the cell width, the mean inside the cell of k = 2 (0.4 .. 0.6)
        double alpha = Margin.alpha(2, 6);
        CmaDistribution distribution = converged(0.47, 0.5);
        // when the margin is applied
        CmaDistribution corrected = Margin.apply(distribution, ENCODING, alpha);
        // then the evaluated spread of k reaches the farther neighbour with probability alpha / 2, the nearer one more
        double spread = corrected.sigma() * corrected.marginScale()[0];
        double towardsFarther = 1 - StandardNormal.cdf((0.6 - 0.47) / spread);
        assertThat(towardsFarther).isCloseTo(alpha / 2, within(1e-6));
        assertThat(StandardNormal.cdf((0.4 - 0.47) / spread)).isGreaterThan(alpha / 2);
        // and neither the mean nor the continuous dimension changes
        assertThat(corrected.mean()).containsExactly(0.47, 0.5);
        assertThat(corrected.marginScale()[1]).isEqualTo(1.0);
    }

    @Test
    void movesTheMeanOfAnEndIntegerUntilItsOnlyNeighbourGetsAlpha() {
        // given the mean deep in the lowest cell (k = 0: below 0.2)
        double alpha = Margin.alpha(2, 6);
        CmaDistribution corrected = Margin.apply(converged(0.05, 0.5), ENCODING, alpha);
        // then the mean moves towards 0.2 until k = 1 comes with probability alpha
        double towardsNeighbour = 1 - StandardNormal.cdf((0.2 - corrected.mean()[0]) / corrected.sigma());
        assertThat(towardsNeighbour).isCloseTo(alpha, within(1e-6));
        assertThat(corrected.marginScale()[0]).isEqualTo(1.0);
    }

    @Test
    void leavesADistributionAloneThatExploresEnough() {
        CmaDistribution wide = CmaDistribution.start(new double[] {0.5, 0.5}, 0.3);
        CmaDistribution corrected = Margin.apply(wide, ENCODING, Margin.alpha(2, 6));
        assertThat(corrected.mean()).containsExactly(0.5, 0.5);
        assertThat(corrected.marginScale()).containsExactly(1.0, 1.0);
    }
}
