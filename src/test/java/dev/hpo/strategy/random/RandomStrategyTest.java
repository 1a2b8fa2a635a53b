package dev.hpo.strategy.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

class RandomStrategyTest extends StrategyContractTest {

    private static final Budget NO_LIMITS = new Budget(null, null, null, null);

    /** 4 x 3 = 12 points. */
    private static final SearchSpace TWELVE_POINTS = new SearchSpace(List.of(
            new IntegerRange("a", 0, 3, 1, true),
            new DiscreteValues("b", List.of("x", "y", "z"))));

    @Override
    protected StrategySpec spec() {
        return new RandomStrategySpec();
    }

    private static Suggestion suggest(Map<String, Object> settings, SearchSpace space, List<Trial> trials, long seed) {
        SearchStrategy random = new RandomStrategySpec().create(settings, space, SequentialRun.MINIMIZE_LOSS, NO_LIMITS);
        return random.suggest(new StrategyContext(space, SequentialRun.MINIMIZE_LOSS, trials, Map.of(),
                Seeds.forSuggestion(seed, trials.size()), NO_LIMITS));
    }

    private static Trial failed(int number, Map<String, Object> parameters) {
        return new Trial(number, parameters, TrialState.FAILED, null, new TreeMap<>(), null);
    }

    @Test
    void coversASmallFiniteSpaceThenSaysItIsUsedUp() {
        SequentialRun.Result result = new SequentialRun(spec(), Map.of(), TWELVE_POINTS, NO_LIMITS).run(4, 20);

        Set<String> keys = new HashSet<>();
        result.points().forEach(point -> keys.add(TWELVE_POINTS.canonicalKey(point.parameters())));
        assertThat(result.points()).hasSize(12);
        assertThat(keys).hasSize(12);
        assertThat(result.suggestions()).last().isEqualTo(
                new Suggestion.Exhausted("all 12 points of the space were tried", null));
    }

    @Test
    void findsTheLastUnusedPointWhenDrawsKeepColliding() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            trials.add(failed(i, SequentialRun.roundTrip(TWELVE_POINTS.gridPoint(i))));
        }

        Suggestion next = suggest(Map.of("maxDraws", 1), TWELVE_POINTS, trials, 8);

        assertThat(next).isEqualTo(new Suggestion.Point(TWELVE_POINTS.gridPoint(11)));
    }

    @Test
    void aPointOutsideTheSpaceInTheHistoryDoesNotHideAnUnusedOne() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            trials.add(failed(i, TWELVE_POINTS.gridPoint(i)));
        }
        trials.add(failed(11, Map.of("a", 99L, "b", "x")));

        Suggestion next = suggest(Map.of(), TWELVE_POINTS, trials, 8);

        assertThat(next).isEqualTo(new Suggestion.Point(TWELVE_POINTS.gridPoint(11)));
    }

    @Test
    void differentSeedsGiveDifferentPoints() {
        SequentialRun run = new SequentialRun(spec(), Map.of(), mixedSpace(), NO_LIMITS);

        assertThat(run.run(1, 5).trace()).isNotEqualTo(run.run(2, 5).trace());
    }

    @Test
    void drawsEachValueOfADiscreteParameterAboutEquallyOften() {
        SearchSpace four = new SearchSpace(List.of(new DiscreteValues("c", List.of("a", "b", "c", "d"))));
        Map<Object, Integer> counts = new HashMap<>();

        for (long seed = 0; seed < 4000; seed++) {
            Suggestion.Point point = (Suggestion.Point) suggest(Map.of(), four, List.of(), seed);
            counts.merge(point.parameters().get("c"), 1, Integer::sum);
        }

        // Expected 1000 each, standard deviation about 27: a window of +-150 fails only for a broken sampler.
        assertThat(counts).hasSize(4);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }

    @Test
    void neverEndsAContinuousSpaceInPractice() {
        SearchSpace line = new SearchSpace(List.of(new UniformRange("x", 0, 1, null, true)));

        SequentialRun.Result result = new SequentialRun(spec(), Map.of("maxDraws", 1), line, NO_LIMITS).run(6, 200);

        assertThat(result.points()).hasSize(200);
    }

    @Test
    void rejectsAMaxDrawsBelowOne() {
        assertThatThrownBy(() -> new RandomStrategySpec().create(Map.of("maxDraws", 0), TWELVE_POINTS,
                SequentialRun.MINIMIZE_LOSS, NO_LIMITS))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'random': setting 'maxDraws' must be between 1 and 1000000, not 0");
    }

    @Test
    void treatsOnlyFullyDiscreteSpacesAsFinite() {
        assertThat(RandomStrategySpec.finiteSize(TWELVE_POINTS)).hasValue(12);
        assertThat(RandomStrategySpec.finiteSize(mixedSpace())).isEmpty();
        assertThat(RandomStrategySpec.finiteSize(new SearchSpace(List.of(new UniformRange("x", 0, 1, 0.25, true)))))
                .hasValue(5);
    }

    @Test
    void oneInstanceAnswersAGrownOrAnotherHistoryLikeAFreshOne() {
        SearchStrategy kept = new RandomStrategySpec().create(Map.of("maxDraws", 1), TWELVE_POINTS,
                SequentialRun.MINIMIZE_LOSS, NO_LIMITS);
        List<Trial> grown = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            grown.add(failed(i, SequentialRun.roundTrip(TWELVE_POINTS.gridPoint(i))));
            // the memo indexes each prefix; every answer must be the one a new instance gives
            for (long seed = 0; seed < 3; seed++) {
                assertThat(ask(kept, grown, seed)).isEqualTo(suggest(Map.of("maxDraws", 1), TWELVE_POINTS, grown, seed));
            }
        }
        assertThat(ask(kept, grown, 8)).isEqualTo(new Suggestion.Point(TWELVE_POINTS.gridPoint(11)));

        // another history of the same length that misses point 3 instead: the memo must not answer for it
        List<Trial> other = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i != 3) {
                other.add(failed(other.size(), SequentialRun.roundTrip(TWELVE_POINTS.gridPoint(i))));
            }
        }
        assertThat(ask(kept, other, 8)).isEqualTo(new Suggestion.Point(TWELVE_POINTS.gridPoint(3)));
        // and a shorter one, as after a tick whose appended trials were dropped
        assertThat(ask(kept, grown.subList(0, 5), 8))
                .isEqualTo(suggest(Map.of("maxDraws", 1), TWELVE_POINTS, grown.subList(0, 5), 8));
    }

    private static Suggestion ask(SearchStrategy strategy, List<Trial> trials, long seed) {
        return strategy.suggest(new StrategyContext(TWELVE_POINTS, SequentialRun.MINIMIZE_LOSS, trials, Map.of(),
                Seeds.forSuggestion(seed, trials.size()), NO_LIMITS));
    }
}
