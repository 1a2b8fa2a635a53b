package dev.hpo.queue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.hpo.experiment.BaseExperiment;
import dev.hpo.experiment.BaseExperimentRepository;

/**
 * The base experiment's default parameters of each study, which a lease merges under the experiment's own.
 * Kept per study once read: a study's base experiment is fixed when it is created and base experiments are
 * never changed, so the cache can never be stale; it saves two reads per lease.
 */
@Component
class BaseParameters {

    /** Studies remembered at most; beyond it the cache starts over (it only saves reads). */
    private static final int MAX_STUDIES = 10_000;

    private final BaseExperimentRepository bases;
    private final Map<UUID, Map<String, Object>> byStudy = new ConcurrentHashMap<>();

    BaseParameters(BaseExperimentRepository bases) {
        this.bases = bases;
    }

    /** The defaults of the study's base experiment (empty when it has none), read-only. */
    Map<String, Object> of(UUID studyId) {
        Map<String, Object> known = byStudy.get(studyId);
        if (known != null) {
            return known;
        }
        Map<String, Object> read = bases.findOfStudy(studyId)
                .map(BaseExperiment::parameters)
                .map(parameters -> Collections.unmodifiableMap(new LinkedHashMap<>(parameters)))
                .orElse(Map.of());
        if (byStudy.size() >= MAX_STUDIES) {
            byStudy.clear();
        }
        byStudy.put(studyId, read);
        return read;
    }
}
