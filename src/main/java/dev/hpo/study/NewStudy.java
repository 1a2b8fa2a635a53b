package dev.hpo.study;

import java.util.List;
import java.util.Map;

import dev.hpo.experiment.BaseExperimentId;
import dev.hpo.objective.Objective;

/**
 * Everything a study is created with, already validated.
 *
 * @param space         the parameter list in the codec's JSON form ({@code SpaceCodec.toJson})
 * @param earlyStopping null for none
 * @param executionQueue the queue its experiments wait in (queue backend), or null
 * @param saveTopKOnly  archive all but the best k experiments, or null
 * @param spawnProject  project the experiments are created in, or null for the base experiment's
 */
public record NewStudy(String name, BaseExperimentId baseExperimentId, List<Map<String, Object>> space, List<Objective> objectives,
                       String strategyName, Map<String, Object> strategySettings, long seed,
                       EarlyStopping earlyStopping, String backend, String executionQueue, StudyLimits limits,
                       Integer saveTopKOnly, String spawnProject, double reportPeriodMinutes) {
}
