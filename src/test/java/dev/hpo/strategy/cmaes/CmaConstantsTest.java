package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CmaConstantsTest {

    @Test
    void keepsHansensPopulationWithoutABudget() {
        assertThat(CmaConstants.budgetedPopulation(6, null)).isEqualTo(9);
        assertThat(CmaConstants.budgetedPopulation(2, null)).isEqualTo(6);
    }

    @Test
    void shrinksThePopulationSoThatAShortStudyGetsTwentyGenerations() {
        // 100 experiments: 100 / 20 = 5 instead of 9 in six dimensions
        assertThat(CmaConstants.budgetedPopulation(6, 100)).isEqualTo(5);
        // a long study keeps the default
        assertThat(CmaConstants.budgetedPopulation(4, 1000)).isEqualTo(8);
    }

    @Test
    void neverGoesBelowFour() {
        assertThat(CmaConstants.budgetedPopulation(2, 30)).isEqualTo(4);
        assertThat(CmaConstants.budgetedPopulation(1, 5)).isEqualTo(4);
    }
}
