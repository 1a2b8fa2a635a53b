package dev.hpo.study;

import java.util.Map;

/** A study's early-stopping rule as stored: the rule's API name and its settings. */
public record EarlyStopping(String rule, Map<String, Object> settings) {

    public EarlyStopping {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
