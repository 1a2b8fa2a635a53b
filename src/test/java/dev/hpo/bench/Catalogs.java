package dev.hpo.bench;

import java.util.Optional;

import dev.hpo.stopping.StoppingRuleSpec;
import dev.hpo.strategy.StrategySpec;

/**
 * Where the benchmark finds strategies and stopping rules by name. Until the catalogs of branch
 * {@code strategies} are merged only the local random search exists; missing names are skipped with a note.
 */
final class Catalogs {

    private Catalogs() {
    }

    static Optional<StrategySpec> strategy(String name) {
        return name.equals("random") ? Optional.of(new LocalRandomSpec()) : Optional.empty();
    }

    static Optional<StoppingRuleSpec> stopping(String name) {
        return Optional.empty();
    }
}
