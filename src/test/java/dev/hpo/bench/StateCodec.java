package dev.hpo.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a strategy's saved state through JSON as the study loop does (a {@code jsonb} column), so a strategy
 * that keeps anything not JSON-shaped, or relies on number types, fails here as it would in the service.
 */
final class StateCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private StateCodec() {
    }

    static Map<String, Object> roundTrip(Map<String, Object> state) {
        if (state == null || state.isEmpty()) {
            return Map.of();
        }
        return MAPPER.readValue(MAPPER.writeValueAsString(state), MAP);
    }
}
