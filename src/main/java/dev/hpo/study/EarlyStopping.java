package dev.hpo.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A study's early-stopping rule as stored: the rule's API name and its settings. A setting may be {@code null}
 * (it counts as absent, as for strategies: see {@code dev.hpo.settings.Settings}), so the copy keeps null values.
 */
public record EarlyStopping(String rule, Map<String, Object> settings) {

    public EarlyStopping {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
