package dev.hpo.study;

import java.util.List;
import java.util.Map;

import dev.hpo.experiment.BaseExperimentId;

/**
 * A study as the client described it, well-formed but not yet checked against the domain (search space,
 * strategy, early stopping, backend). Null means "not given": the factory applies the documented defaults; the
 * limits already hold theirs ({@link StudyLimits#given}).
 */
public record StudyDraft(String name, BaseExperimentId baseExperimentId, List<Object> parameters,
                         List<ObjectiveDraft> objectives, StrategyDraft strategy, StoppingDraft earlyStopping,
                         String backend, String executionQueue, StudyLimits limits, Integer saveTopKOnly,
                         String spawnProject, Double reportPeriodMinutes) {

    /** One objective: metric title/series and the sign's API name. */
    public record ObjectiveDraft(String title, String series, String sign) {
    }

    /** Strategy name (default random), seed (default: drawn and stored) and settings. */
    public record StrategyDraft(String name, Long seed, Map<String, Object> settings) {
    }

    /** Early-stopping rule name and settings. */
    public record StoppingDraft(String rule, Map<String, Object> settings) {
    }
}
