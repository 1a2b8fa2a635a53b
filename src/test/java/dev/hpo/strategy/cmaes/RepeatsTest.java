package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

class RepeatsTest {

    private static Trial trial(int number, Map<String, Object> parameters) {
        return new Trial(number, parameters, TrialState.COMPLETED, new double[] {1}, new TreeMap<>(), null);
    }

    @Test
    void findsARepeatWhateverTheNumberTypeOfTheSavedHistory() {
        // given a history saved through JSON: k came back as an Integer, j as a Long
        Repeats repeats = Repeats.of(List.of(trial(0, Map.of("k", 3, "j", 4L, "optimizer", "adam"))));
        // then the same point with Long values is a repeat, a point differing in any value is not
        assertThat(repeats.seen(Map.of("k", 3L, "j", 4L, "optimizer", "adam"))).isTrue();
        assertThat(repeats.seen(Map.of("k", 3L, "j", 5L, "optimizer", "adam"))).isFalse();
        assertThat(repeats.seen(Map.of("k", 3L, "j", 4L, "optimizer", "sgd"))).isFalse();
    }
}
