package dev.hpo.strategy.gp;

import dev.hpo.strategy.StrategyContractTest;
import dev.hpo.strategy.StrategySpec;

/** The shared strategy contract, for {@code gp} on the mixed space (categories, a parameter set, a lattice). */
class GpContractTest extends StrategyContractTest {

    @Override
    protected StrategySpec spec() {
        return new GpSpec();
    }
}
