package dev.hpo.strategy.auto;

import java.util.List;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/** The shared strategy contract, for {@code auto} on a numeric space with a job budget (it resolves to gp there). */
class AutoGpContractTest extends StrategyContractTest {

    @Override
    protected StrategySpec spec() {
        return new AutoSpec();
    }

    @Override
    protected SearchSpace space() {
        return new SearchSpace(List.of(new UniformRange("x", -5.0, 5.0, null, true),
                new IntegerRange("layers", 1, 8, 1, true), new LogUniformRange("lr", -4.0, -1.0, 10.0, null, true),
                new DiscreteValues("activation", List.of("relu", "tanh"))));
    }

    @Override
    protected Budget budget() {
        return new Budget(1L, 27L, 60, 1);
    }
}
