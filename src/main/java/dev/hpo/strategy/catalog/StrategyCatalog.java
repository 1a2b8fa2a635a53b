package dev.hpo.strategy.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.auto.AutoSpec;
import dev.hpo.strategy.cmaes.CmaEsSpec;
import dev.hpo.strategy.gp.GpSpec;
import dev.hpo.strategy.grid.GridStrategySpec;
import dev.hpo.strategy.hyperband.BohbSpec;
import dev.hpo.strategy.hyperband.HyperbandSpec;
import dev.hpo.strategy.random.RandomStrategySpec;
import dev.hpo.strategy.tpe.TpeSpec;

/**
 * The strategies the service offers, by API name, in the order the API lists them.
 *
 * <p>{@link #standard()} names every built-in strategy explicitly (no classpath scanning), so the list a study can
 * choose from is visible in one place and a missing strategy is a compile error, not a runtime surprise.
 */
public final class StrategyCatalog {

    private final Map<String, StrategySpec> specs = new LinkedHashMap<>();

    /** A catalog of the given specs; throws {@link IllegalArgumentException} when two share a name. */
    public StrategyCatalog(List<? extends StrategySpec> specs) {
        for (StrategySpec spec : specs) {
            if (this.specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two strategies are named '" + spec.name() + "'");
            }
        }
    }

    /** Every built-in strategy. */
    public static StrategyCatalog standard() {
        List<StrategySpec> specs = new ArrayList<>();
        specs.add(new GridStrategySpec());
        specs.add(new RandomStrategySpec());
        // Model-based strategies: one line each, e.g. specs.add(new TpeStrategySpec());
        specs.add(new TpeSpec());
        specs.add(new CmaEsSpec());
        specs.add(new GpSpec());
        specs.add(new HyperbandSpec());
        specs.add(new BohbSpec());
        specs.add(new AutoSpec());
        return new StrategyCatalog(specs);
    }

    /** The strategy named {@code name}; throws {@link InvalidStrategyException} listing the known names. */
    public StrategySpec require(String name) {
        return find(name).orElseThrow(() -> new InvalidStrategyException(
                "unknown strategy '" + name + "' (known: " + String.join(", ", specs.keySet()) + ")"));
    }

    /** The strategy named {@code name}, if there is one. */
    public Optional<StrategySpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** Every strategy, in catalog order. */
    public List<StrategySpec> all() {
        return List.copyOf(specs.values());
    }
}
