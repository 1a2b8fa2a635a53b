package dev.hpo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankSummaryTest {

    @Test
    void ranksByMedianRegretSharingTiesAndCountsProblemsWonOnEightyPercentOfSeeds() {
        // given two problems: on p1 tpe beats random on every seed and ties cmaes; on p2 tpe loses and cmaes is absent
        List<RunResult> randomP1 = runs(5, 5, 5, 5, 5);
        List<RunResult> randomP2 = runs(1, 1, 1, 1, 1);
        List<QualityRow> rows = List.of(
                new QualityRow("p1", "random", randomP1, randomP1),
                new QualityRow("p1", "tpe", runs(1, 2, 1, 2, 1), randomP1),
                new QualityRow("p1", "cmaes", runs(1, 1, 1, 3, 1), randomP1),
                new QualityRow("p2", "random", randomP2, randomP2),
                new QualityRow("p2", "tpe", runs(2, 2, 2, 0, 0), randomP2));

        // when summarised after the one experiment each run has
        String table = RankSummary.format(rows, Anchors.empty(), 1);

        // then tpe ranks (1.5 + 2) / 2, cmaes 1.5 on its one problem, random (3 + 1) / 2; only p1 counts as a tpe win
        assertThat(table).contains("over 2 problems");
        assertThat(line(table, "tpe")).containsSubsequence("2", "1.75", "50%");
        assertThat(line(table, "cmaes")).containsSubsequence("1", "1.50", "100%");
        assertThat(line(table, "random")).containsSubsequence("2", "2.00", "-");
        // and without Optuna's four rows for a problem there is no joint block
        assertThat(table).doesNotContain("optuna");
    }

    @Test
    void addsOptunasRowsFromTheAnchorsWhenAllFourArePresent() {
        List<RunResult> random = runs(5, 5);
        List<QualityRow> rows = List.of(new QualityRow("p", "random", random, random),
                new QualityRow("p", "tpe", runs(1, 1), random));
        Anchors anchors = new Anchors(Map.of(
                "p/random", anchor(4), "p/tpe", anchor(0.5), "p/tpe_mv", anchor(2), "p/cmaes", anchor(3)), Map.of());

        String table = RankSummary.format(rows, anchors, 100);

        assertThat(line(table.substring(table.indexOf("with optuna")), "tpe")).containsSubsequence("1", "2.00", "100%");
        assertThat(line(table, "optuna tpe")).containsSubsequence("1", "1.00", "100%");
        assertThat(line(table, "optuna random")).containsSubsequence("1", "5.00", "-");
    }

    private static double[] anchor(double median) {
        return new double[] {median, median, median, median, median, 100, 0};
    }

    private static String line(String table, String label) {
        return table.lines().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow();
    }

    /** One run per seed, each with the same regret after every one of 100 experiments. */
    private static List<RunResult> runs(double... regrets) {
        return java.util.Arrays.stream(regrets).mapToObj(r -> {
            double[] after = new double[100];
            java.util.Arrays.fill(after, r);
            return new RunResult(after, 0, null);
        }).toList();
    }
}
