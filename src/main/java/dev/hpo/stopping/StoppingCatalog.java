package dev.hpo.stopping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hpo.settings.InvalidStrategyException;

/**
 * The early-stopping rules the service offers, by API name. {@link #standard()} lists every built-in rule
 * explicitly.
 */
public final class StoppingCatalog {

    private final Map<String, StoppingRuleSpec> specs = new LinkedHashMap<>();

    /** A catalog of the given specs; throws {@link IllegalArgumentException} when two share a name. */
    public StoppingCatalog(List<? extends StoppingRuleSpec> specs) {
        for (StoppingRuleSpec spec : specs) {
            if (this.specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two early-stopping rules are named '" + spec.name() + "'");
            }
        }
    }

    /** Every built-in rule. */
    public static StoppingCatalog standard() {
        List<StoppingRuleSpec> specs = new ArrayList<>();
        specs.add(new MedianRuleSpec());
        specs.add(new AshaRuleSpec());
        return new StoppingCatalog(specs);
    }

    /** The rule named {@code name}; throws {@link InvalidStrategyException} listing the known names. */
    public StoppingRuleSpec require(String name) {
        return find(name).orElseThrow(() -> new InvalidStrategyException(
                "unknown early-stopping rule '" + name + "' (known: " + String.join(", ", specs.keySet()) + ")"));
    }

    /** The rule named {@code name}, if there is one. */
    public Optional<StoppingRuleSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** Every rule, in catalog order. */
    public List<StoppingRuleSpec> all() {
        return List.copyOf(specs.values());
    }
}
