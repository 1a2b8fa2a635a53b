package dev.hpo.strategy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.grid.GridStrategySpec;

class StrategyCatalogTest {

    @Test
    void listsGridAndRandomFirst() {
        assertThat(StrategyCatalog.standard().all()).extracting(StrategySpec::name).startsWith("grid", "random");
    }

    @Test
    void findsAStrategyByName() {
        assertThat(StrategyCatalog.standard().require("random").name()).isEqualTo("random");
        assertThat(StrategyCatalog.standard().find("nope")).isEmpty();
    }

    @Test
    void rejectsAnUnknownStrategyNamingTheKnownOnes() {
        assertThatThrownBy(() -> StrategyCatalog.standard().require("optuna"))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageStartingWith("unknown strategy 'optuna' (known: grid, random");
    }

    @Test
    void rejectsTwoStrategiesWithOneName() {
        assertThatThrownBy(() -> new StrategyCatalog(List.of(new GridStrategySpec(), new GridStrategySpec())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'grid'");
    }
}
