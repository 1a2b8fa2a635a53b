package dev.hpo.objective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingTest {

    private static List<String> rank(Map<String, double[]> losses, String... order) {
        return Ranking.rank(List.of(order), losses::get);
    }

    @Test
    void oneObjectiveRanksByAscendingLossKeepingTiesInOrder() {
        Map<String, double[]> losses = Map.of("a", new double[] {0.3}, "b", new double[] {0.1},
                "c", new double[] {0.3}, "d", new double[] {Double.NaN}, "e", new double[] {0.2});

        assertThat(rank(losses, "d", "a", "b", "c", "e")).containsExactly("b", "e", "a", "c", "d");
        assertThat(rank(losses, "d", "c", "b", "a", "e")).containsExactly("b", "e", "c", "a", "d");
    }

    @Test
    void severalObjectivesRankByFrontThenCrowding() {
        Map<String, double[]> losses = Map.of(
                "crowded", new double[] {1, 3},
                "left", new double[] {0, 4},
                "spread", new double[] {2.1, 2},
                "right", new double[] {4, 0},
                "worse", new double[] {5, 5});

        // boundary points first (in the given order), then the larger crowding distance (1.5 against 1.025)
        assertThat(rank(losses, "worse", "crowded", "spread", "left", "right"))
                .containsExactly("left", "right", "spread", "crowded", "worse");
    }

    @Test
    void topTakesTheBestK() {
        Map<String, double[]> losses = Map.of("a", new double[] {3}, "b", new double[] {1}, "c", new double[] {2});

        assertThat(Ranking.top(List.of("a", "b", "c"), losses::get, 2)).containsExactly("b", "c");
        assertThat(Ranking.top(List.of("a", "b", "c"), losses::get, 10)).hasSize(3);
    }

    @Test
    void crowdingGivesBoundariesInfinityAndNormalisedGapsInside() {
        double[] distances = CrowdingDistance.of(List.of(new double[] {0, 4}, new double[] {1, 2}, new double[] {4, 0}));

        assertThat(distances[0]).isInfinite();
        assertThat(distances[2]).isInfinite();
        assertThat(distances[1]).isEqualTo(4.0 / 4 + 4.0 / 4);
    }
}
