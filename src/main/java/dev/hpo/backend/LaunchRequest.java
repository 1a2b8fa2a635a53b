package dev.hpo.backend;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a backend needs to run one experiment.
 *
 * @param command          the base experiment's argv (null or empty when it has none)
 * @param workingDirectory null for the service's own
 * @param environment      extra environment variables of the base experiment
 * @param parameters       the experiment's parameters: the base experiment's defaults overridden by the study's
 * @param maxIteration     the experiment's iteration budget, or null
 */
public record LaunchRequest(UUID experimentId, UUID studyId, String name, List<String> command,
                            String workingDirectory, Map<String, String> environment,
                            Map<String, Object> parameters, Long maxIteration) {
}
