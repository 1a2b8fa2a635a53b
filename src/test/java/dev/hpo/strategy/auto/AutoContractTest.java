package dev.hpo.strategy.auto;

import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.StrategySpec;

/** The shared strategy contract, for {@code auto} on the mixed space (it resolves to multivariate tpe there). */
class AutoContractTest extends StrategyContractTest {

    @Override
    protected StrategySpec spec() {
        return new AutoSpec();
    }
}
