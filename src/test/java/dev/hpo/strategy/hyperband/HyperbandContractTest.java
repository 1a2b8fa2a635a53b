package dev.hpo.strategy.hyperband;

import dev.hpo.strategy.StrategySpec;

/** The shared strategy contract, for {@code hyperband}. */
class HyperbandContractTest extends ScheduleContractTest {

    @Override
    protected StrategySpec spec() {
        return new HyperbandSpec();
    }
}
