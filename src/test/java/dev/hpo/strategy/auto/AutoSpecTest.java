package dev.hpo.strategy.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.gp.GpStrategy;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.strategy.tpe.TpeStrategy;
import dev.hpo.trial.Budget;

class AutoSpecTest {

    private static final SearchSpace SQUARE = new SearchSpace(List.of(
            new UniformRange("x", -5.0, 5.0, null, true), new UniformRange("y", -5.0, 5.0, null, true)));
    private static final Budget FIFTY_JOBS = new Budget(null, null, 50, 1);

    private final AutoSpec spec = new AutoSpec();

    @Test
    void recordsTheChosenStrategyWithItsSettings() {
        Map<String, Object> recorded = spec.settingsToRecord(Map.of(), SQUARE, SequentialRun.MINIMIZE_LOSS, FIFTY_JOBS);

        assertThat(recorded).containsExactly(Map.entry("resolvedTo", "gp"));
    }

    @Test
    void keepsARecordedChoiceEvenWhereTheRulesWouldNowPickAnother() {
        Map<String, Object> recorded = Map.of("resolvedTo", "tpe", "multivariate", true);

        assertThat(spec.settingsToRecord(recorded, SQUARE, SequentialRun.MINIMIZE_LOSS, FIFTY_JOBS)).isEqualTo(recorded);
        assertThat(spec.create(recorded, SQUARE, SequentialRun.MINIMIZE_LOSS, FIFTY_JOBS))
                .isInstanceOfSatisfying(TpeStrategy.class, tpe -> assertThat(tpe.settings().model().multivariate()).isTrue());
        assertThat(spec.create(Map.of(), SQUARE, SequentialRun.MINIMIZE_LOSS, FIFTY_JOBS)).isInstanceOf(GpStrategy.class);
    }

    @Test
    void passesOtherSettingsToTheResolvedStrategy() {
        Map<String, Object> recorded = spec.settingsToRecord(Map.of("startupTrials", 4), SQUARE,
                SequentialRun.MINIMIZE_LOSS, FIFTY_JOBS);

        assertThat(recorded).isEqualTo(Map.of("resolvedTo", "gp", "startupTrials", 4));
        assertThatThrownBy(() -> spec.create(Map.of("multivariate", true), SQUARE, SequentialRun.MINIMIZE_LOSS,
                FIFTY_JOBS)).isInstanceOf(InvalidStrategyException.class).hasMessageContaining("multivariate");
    }

    @Test
    void rejectsAResolvedStrategyItDoesNotOffer() {
        assertThatThrownBy(() -> spec.create(Map.of("resolvedTo", "bohb"), SQUARE, SequentialRun.MINIMIZE_LOSS,
                FIFTY_JOBS)).isInstanceOf(InvalidStrategyException.class).hasMessageContaining("resolvedTo")
                .hasMessageContaining("gp, tpe, cmaes, random");
        assertThatThrownBy(() -> spec.create(Map.of("resolvedTo", 3), SQUARE, SequentialRun.MINIMIZE_LOSS,
                FIFTY_JOBS)).isInstanceOf(InvalidStrategyException.class);
    }
}
