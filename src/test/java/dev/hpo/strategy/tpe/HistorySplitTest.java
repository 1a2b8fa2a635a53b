package dev.hpo.strategy.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

class HistorySplitTest {

    private static final SearchSpace SPACE = new SearchSpace(List.of(new UniformRange("x", 0, 10, null, true)));

    private static Map<String, Object> x(double value) {
        return Map.of("x", value);
    }

    private static List<Object> xs(List<Observation> observations) {
        return observations.stream().map(o -> o.parameters().get("x")).toList();
    }

    @Test
    void bestLossesAreGoodAndBothGroupsKeepCreationOrder() {
        // given 11 completed trials: ceil(0.1 * 11) = 2 are good
        Histories history = new Histories();
        for (int i = 0; i < 11; i++) {
            history.completed(x(i), i == 3 ? -5 : i == 7 ? -4 : i);
        }

        TpeSampler.Split split = HistorySplit.of(history.context(SPACE, Histories.MINIMIZE, 1), TpeOptions.DEFAULTS, true);

        assertThat(xs(split.good())).containsExactly(3.0, 7.0);
        assertThat(xs(split.bad())).containsExactly(0.0, 1.0, 2.0, 4.0, 5.0, 6.0, 8.0, 9.0, 10.0);
    }

    @Test
    void failedTrialsAreLeftOutOfTheModel() {
        Histories history = new Histories().completed(x(1), 1).failed(x(2)).completed(x(3), 3);

        TpeSampler.Split split = HistorySplit.of(history.context(SPACE, Histories.MINIMIZE, 1), TpeOptions.DEFAULTS, true);

        assertThat(xs(split.good())).containsExactly(1.0);
        assertThat(xs(split.bad())).containsExactly(3.0);
        assertThat(HistorySplit.informative(history.context(SPACE, Histories.MINIMIZE, 1))).isEqualTo(2);
    }

    @Test
    void prunedTrialsRankAfterCompletedOnesAndFurtherProgressRanksFirst() {
        // given one completed trial with a poor loss and pruned trials with excellent intermediate losses
        Histories history = new Histories()
                .completed(x(1), 100)
                .pruned(x(2), 3, -50)
                .pruned(x(3), 9, 10)
                .pruned(x(4), 9, 5);
        for (int i = 0; i < 16; i++) {
            history.pruned(x(5 + i * 0.1), 1, -100);
        }

        // when 20 ranked trials give a good group of 2
        TpeSampler.Split split = HistorySplit.of(history.context(SPACE, Histories.MINIMIZE, 1), TpeOptions.DEFAULTS, true);

        // then the completed trial comes first, then the pruned trial that got furthest with the better loss
        assertThat(xs(split.good())).containsExactly(1.0, 4.0);
    }

    @Test
    void pendingTrialsAreBadUnderTheConstantLiarAndIgnoredWithoutIt() {
        Histories history = new Histories().completed(x(1), 1).completed(x(2), 2).pending(x(9));

        TpeSampler.Split lying = HistorySplit.of(history.context(SPACE, Histories.MINIMIZE, 1), TpeOptions.DEFAULTS, true);
        TpeSampler.Split honest = HistorySplit.of(history.context(SPACE, Histories.MINIMIZE, 1), TpeOptions.DEFAULTS, false);

        assertThat(xs(lying.good())).containsExactly(1.0);
        assertThat(xs(lying.bad())).containsExactly(2.0, 9.0);
        assertThat(xs(honest.bad())).containsExactly(2.0);
    }

    @Test
    void severalObjectivesFillTheGoodGroupByParetoFront() {
        // given a front {(0,3), (1,1), (3,0)} and dominated points, 30 trials: 3 good
        Histories history = new Histories().completed(x(0), 0, 3).completed(x(1), 1, 1).completed(x(2), 3, 0);
        for (int i = 0; i < 27; i++) {
            history.completed(x(3 + i * 0.1), 5 + i, 5 + i);
        }

        TpeSampler.Split split = HistorySplit.of(history.context(SPACE, Histories.TWO, 1), TpeOptions.DEFAULTS, true);

        assertThat(xs(split.good())).containsExactly(0.0, 1.0, 2.0);
    }

    @Test
    void aFrontTooLargeForTheGoodGroupKeepsItsMostSpreadMembers() {
        // given a front of 4 where only 2 fit (11..20 trials -> 2 good)
        Histories history = new Histories().completed(x(0), 0, 10).completed(x(1), 4.9, 5.1)
                .completed(x(2), 5, 5).completed(x(3), 10, 0);
        for (int i = 0; i < 7; i++) {
            history.completed(x(5 + i * 0.1), 20 + i, 20 + i);
        }

        TpeSampler.Split split = HistorySplit.of(history.context(SPACE, Histories.TWO, 1), TpeOptions.DEFAULTS, true);

        // the greedy hypervolume choice takes the balanced (5, 5) first, then an extreme point, not its near twin
        assertThat(xs(split.good())).containsExactly(0.0, 2.0);
    }
}
