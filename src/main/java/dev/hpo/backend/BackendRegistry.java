package dev.hpo.backend;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Every {@link ExperimentBackend} bean of the application, by {@link ExperimentBackend#name()}. The REST layer
 * asks it which backends a study may choose; the loop asks it whom to hand experiments to.
 */
@Component
public class BackendRegistry {

    private final Map<String, ExperimentBackend> byName;

    public BackendRegistry(List<ExperimentBackend> backends) {
        Map<String, ExperimentBackend> map = new TreeMap<>();
        for (ExperimentBackend backend : backends) {
            ExperimentBackend previous = map.put(backend.name(), backend);
            if (previous != null) {
                throw new IllegalStateException("two backends are named '" + backend.name() + "': "
                        + previous.getClass().getName() + " and " + backend.getClass().getName());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The backend of that name, enabled or not. */
    public Optional<ExperimentBackend> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The backend of that name if it exists and this service may use it. */
    public Optional<ExperimentBackend> findEnabled(String name) {
        return find(name).filter(ExperimentBackend::enabled);
    }

    /** Names of the backends a study may choose on this service, sorted. */
    public List<String> enabledNames() {
        return byName.values().stream().filter(ExperimentBackend::enabled).map(ExperimentBackend::name).toList();
    }

    /** Names of every backend known, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
