package dev.hpo.experiment;

import java.util.List;
import java.util.Map;

/** What a base experiment is created with; see {@link BaseExperiment}. */
public record NewBaseExperiment(String name, String project, Map<String, Object> parameters, List<String> command,
                                String workingDirectory, Map<String, String> environment) {
}
