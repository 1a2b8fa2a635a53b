package dev.hpo.study;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hpo.experiment.ExperimentStatus;

/**
 * An experiment in a ranking.
 *
 * @param objectiveValues the value of each objective (or of the chosen metric), as its sign defines it: the last
 *                        value for min/max, the minimum/maximum of all values for min_global/max_global
 * @param iteration       the last reported iteration of the first objective's metric
 */
public record RankedExperiment(UUID id, int number, String name, ExperimentStatus status, String stopReason,
                               Map<String, Object> parameters, List<Double> objectiveValues, long iteration,
                               boolean archived) {
}
