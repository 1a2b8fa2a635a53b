package dev.hpo.bench;

import java.util.Optional;

import dev.hpo.stopping.StoppingCatalog;
import dev.hpo.stopping.StoppingRuleSpec;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.catalog.StrategyCatalog;

/** Where the benchmark finds strategies and stopping rules: the service's own catalogs, by API name. */
final class Catalogs {

    private static final StrategyCatalog STRATEGIES = StrategyCatalog.standard();
    private static final StoppingCatalog RULES = StoppingCatalog.standard();

    private Catalogs() {
    }

    static Optional<StrategySpec> strategy(String name) {
        return STRATEGIES.find(name);
    }

    static Optional<StoppingRuleSpec> stopping(String name) {
        return RULES.find(name);
    }
}
