package dev.hpo.strategy.hyperband;

import dev.hpo.strategy.StrategySpec;

/** The shared strategy contract, for {@code bohb}. */
class BohbContractTest extends ScheduleContractTest {

    @Override
    protected StrategySpec spec() {
        return new BohbSpec();
    }
}
