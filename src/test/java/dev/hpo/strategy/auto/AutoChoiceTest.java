package dev.hpo.strategy.auto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.testing.SequentialRun;
import dev.hpo.trial.Budget;

class AutoChoiceTest {

    private static final List<Objective> ONE = SequentialRun.MINIMIZE_LOSS;
    private static final Budget HUNDRED_JOBS = new Budget(null, null, 100, 1);

    private static SearchSpace numeric(int dimensions) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < dimensions; i++) {
            parameters.add(new UniformRange("x" + i, 0.0, 1.0, null, true));
        }
        return new SearchSpace(parameters);
    }

    @Test
    void choosesGpForASmallNumericSpaceAndBudget() {
        SearchSpace space = new SearchSpace(List.of(new UniformRange("x", -5.0, 10.0, null, true),
                new IntegerRange("layers", 1, 8, 1, true), new LogUniformRange("lr", -5.0, -1.0, 10.0, null, true),
                new DiscreteValues("width", List.of(16, 32, 64, 128))));

        AutoChoice.Choice choice = AutoChoice.choose(space, ONE, HUNDRED_JOBS);

        assertThat(choice.strategy()).isEqualTo("gp");
        assertThat(choice.settings()).isEmpty();
    }

    @Test
    void choosesGpUpToTwentyParametersAndThreeHundredJobs() {
        assertThat(AutoChoice.choose(numeric(20), ONE, new Budget(null, null, 300, 4)).strategy()).isEqualTo("gp");
        assertThat(AutoChoice.choose(numeric(21), ONE, HUNDRED_JOBS).strategy()).isEqualTo("tpe");
        assertThat(AutoChoice.choose(numeric(5), ONE, new Budget(null, null, 301, 1)).strategy()).isEqualTo("tpe");
    }

    @Test
    void choosesTpeWithoutAJobBudget() {
        AutoChoice.Choice choice = AutoChoice.choose(numeric(3), ONE, new Budget(null, null, null, 1));

        assertThat(choice.strategy()).isEqualTo("tpe");
        assertThat(choice.reason()).isEqualTo("no job budget");
    }

    @Test
    void choosesTpeForSeveralObjectivesWhateverTheSpace() {
        List<Objective> two = List.of(new Objective("validation", "loss", Sign.MIN),
                new Objective("validation", "latency", Sign.MIN));

        assertThat(AutoChoice.choose(numeric(2), two, HUNDRED_JOBS).strategy()).isEqualTo("tpe");
    }

    @Test
    void choosesMultivariateTpeForAConditionalSpace() {
        AutoChoice.Choice choice = AutoChoice.choose(StrategyContractTest.mixedSpace(), ONE, HUNDRED_JOBS);

        assertThat(choice.strategy()).isEqualTo("tpe");
        assertThat(choice.settings()).isEqualTo(Map.of("multivariate", true));
    }

    @Test
    void choosesTpeWhenCategoriesOutnumberOrderedParameters() {
        SearchSpace allCategorical = new SearchSpace(List.of(new DiscreteValues("a", List.of("x", "y")),
                new DiscreteValues("b", List.of("p", "q", "r"))));
        SearchSpace mostlyCategorical = new SearchSpace(List.of(new UniformRange("x", 0.0, 1.0, null, true),
                new DiscreteValues("a", List.of("x", "y")), new DiscreteValues("b", List.of(true, false))));
        SearchSpace halfCategorical = new SearchSpace(List.of(new UniformRange("x", 0.0, 1.0, null, true),
                new DiscreteValues("a", List.of("x", "y"))));

        assertThat(AutoChoice.choose(allCategorical, ONE, HUNDRED_JOBS).strategy()).isEqualTo("tpe");
        assertThat(AutoChoice.choose(allCategorical, ONE, HUNDRED_JOBS).settings()).isEqualTo(Map.of("multivariate", true));
        assertThat(AutoChoice.choose(mostlyCategorical, ONE, HUNDRED_JOBS).strategy()).isEqualTo("tpe");
        assertThat(AutoChoice.choose(halfCategorical, ONE, HUNDRED_JOBS).strategy()).isEqualTo("gp");
    }

    @Test
    void choosesMultivariateTpeForATabularSpaceOfDiscreteChoices() {
        SearchSpace table = new SearchSpace(List.of(new DiscreteValues("lr", List.of(0.001, 0.01, 0.1)),
                new DiscreteValues("units", List.of(16, 32, 64)), new DiscreteValues("activation", List.of("relu", "tanh"))));

        AutoChoice.Choice choice = AutoChoice.choose(table, ONE, HUNDRED_JOBS);

        assertThat(choice.strategy()).isEqualTo("tpe");
        assertThat(choice.settings()).isEqualTo(Map.of("multivariate", true));
    }

    @Test
    void countsNumericDiscreteChoicesAsOrderedAndSingleValuesAsNothing() {
        SearchSpace space = new SearchSpace(List.of(new DiscreteValues("lr", List.of(0.001, 0.01, 0.1)),
                new DiscreteValues("fixed", List.of("only"))));

        assertThat(SpaceProfile.of(space)).isEqualTo(new SpaceProfile(1, 0, false, 0));
    }
}
