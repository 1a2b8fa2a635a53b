package dev.hpo.strategy.cmaes;

import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.StrategySpec;

/** The shared strategy contract, for {@code cmaes} on the mixed space (its discrete parts sampled at random). */
class CmaEsContractTest extends StrategyContractTest {

    @Override
    protected StrategySpec spec() {
        return new CmaEsSpec();
    }
}
