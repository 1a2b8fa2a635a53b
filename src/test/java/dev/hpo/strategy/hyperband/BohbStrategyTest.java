package dev.hpo.strategy.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.Settings;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

class BohbStrategyTest {

    /** lr = 10^e for e in [-5, -1]: a value between 1e-5 and 0.1; the exponent would be between -5 and -1. */
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new LogUniformRange("lr", -5, -1, 10, null, true), new UniformRange("x", 0, 1, null, true)));
    private static final Budget ONE_TO_NINE = new Budget(1L, 9L, null, 1);

    private static double loss(Map<String, Object> point) {
        double e = Math.log10((Double) point.get("lr"));
        return (e + 3) * (e + 3) + (Double) point.get("x");
    }

    private static List<Suggestion.Point> run(String model, int suggestions) {
        BohbSpec spec = new BohbSpec();
        Studies study = new Studies(SPACE, spec.create(Map.of("model", model, "randomFraction", 0), SPACE,
                Studies.MINIMIZE, ONE_TO_NINE), ONE_TO_NINE, 11);
        study.jsonRoundTrip = true;
        List<Suggestion.Point> points = new ArrayList<>();
        for (int i = 0; i < suggestions; i++) {
            Suggestion.Point point = (Suggestion.Point) study.ask();
            points.add(point);
            study.complete(study.trials.size() - 1, loss(point.parameters()));
        }
        return points;
    }

    @Test
    void defaultsTheRandomFractionByModel() {
        // given no randomFraction: the TPE model (which has its own prior component) and hpbandster's KDE
        BohbSettings tpe = BohbSettings.from(Settings.validate("bohb", Map.of(), BohbSettings.SPECS));
        BohbSettings kde = BohbSettings.from(Settings.validate("bohb", Map.of("model", "kde"), BohbSettings.SPECS));
        BohbSettings given = BohbSettings.from(Settings.validate("bohb", Map.of("randomFraction", 0.5),
                BohbSettings.SPECS));
        // then a tenth, hpbandster's third, and a given value as given
        assertThat(tpe.randomFraction()).isEqualTo(0.1);
        assertThat(kde.randomFraction()).isEqualTo(1.0 / 3);
        assertThat(given.randomFraction()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "kde"})
    void sendsLogUniformValuesNeverTheirExponents(String model) {
        // given BOHB with its model always on (randomFraction 0) over lr = 10^[-5, -1]
        // when it runs past the first bracket, so that model-made configurations come
        List<Suggestion.Point> points = run(model, 80);
        // then every lr is a value of the range (the exponent -5..-1 would fail here), random or modelled
        assertThat(points).allSatisfy(p -> assertThat((Double) p.parameters().get("lr")).isBetween(1e-5, 0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "kde"})
    void modelledConfigurationsConcentrateWhereResultsWereGood(String model) {
        // given the first bracket's nine random configurations at budget 1, then model-made ones
        List<Suggestion.Point> points = run(model, 80);
        List<Double> randomLosses = new ArrayList<>();
        List<Double> modelLosses = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Suggestion.Point point = points.get(i);
            boolean firstBracket = i < 13;
            boolean newConfiguration = points.subList(0, i).stream().noneMatch(p -> p.parameters().equals(point.parameters()));
            if (newConfiguration) {
                (firstBracket ? randomLosses : modelLosses).add(loss(point.parameters()));
            }
        }
        // then the new configurations the model made are better on median than the random ones
        assertThat(modelLosses).hasSizeGreaterThan(10);
        assertThat(median(modelLosses)).isLessThan(median(randomLosses));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void fitsTheModelOnTheLargestBudgetWithEnoughResults() {
        // given two modelled parameters (minPointsInModel 3), 20 results at budget 1, 7 at 3 and 2 at 9
        BohbConfigurations configurations = defaultConfigurations();
        List<Trial> trials = new ArrayList<>();
        addResults(trials, 20, 1L);
        addResults(trials, 7, 3L);
        addResults(trials, 2, 9L);
        // when the split is made, then budget 3 is used (9 has too few): the best ceil(15% of 7) = 2 are good
        BohbConfigurations.Split split = configurations.split(context(trials));
        assertThat(split.budget()).isEqualTo(3L);
        assertThat(split.good()).hasSize(2);
        assertThat(split.bad()).hasSize(5);
        double worstGood = split.good().get(1).loss();
        assertThat(split.bad()).allSatisfy(bad -> assertThat(bad.loss()).isGreaterThanOrEqualTo(worstGood));
    }

    @Test
    void hasNoModelBeforeAnyBudgetHasEnoughResults() {
        List<Trial> trials = new ArrayList<>();
        addResults(trials, 2, 1L);
        addResults(trials, 2, 9L);
        assertThat(defaultConfigurations().split(context(trials))).isNull();
    }

    private static BohbConfigurations defaultConfigurations() {
        BohbSettings settings = BohbSettings.from(dev.hpo.settings.Settings.validate("bohb", Map.of(), BohbSettings.SPECS));
        return new BohbConfigurations(settings, SPACE, List.of(1L, 3L, 9L));
    }

    private static void addResults(List<Trial> trials, int count, long budget) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> point = SPACE.sample(Seeds.forSuggestion(5, trials.size()));
            trials.add(new Trial(trials.size(), point, TrialState.COMPLETED, new double[] {loss(point)}, new TreeMap<>(),
                    budget));
        }
    }

    private static StrategyContext context(List<Trial> trials) {
        return new StrategyContext(SPACE, Studies.MINIMIZE, trials, Map.of(), Seeds.forSuggestion(1, trials.size()),
                ONE_TO_NINE);
    }

    @Test
    void rejectsAnUnknownModelAndARandomFractionAboveOne() {
        assertThatThrownBy(() -> new BohbSpec().create(Map.of("model", "gp"), SPACE, Studies.MINIMIZE, ONE_TO_NINE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> new BohbSpec().create(Map.of("randomFraction", 1.5), SPACE, Studies.MINIMIZE, ONE_TO_NINE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("randomFraction");
        assertThatThrownBy(() -> new BohbSpec().create(Map.of("minBandwidth", 0), SPACE, Studies.MINIMIZE, ONE_TO_NINE))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("minBandwidth");
    }

    @Test
    void rejectsAStudyWithoutAMaximumIteration() {
        assertThatThrownBy(() -> new BohbSpec().create(Map.of(), SPACE, Studies.MINIMIZE, new Budget(1L, null, 50, 2)))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("maxIterationPerJob");
    }
}
