package dev.hpo.loop;

import java.util.Map;

/**
 * A decision to create the experiment the strategy suggested for a free slot.
 *
 * @param parameters   the suggestion only, normalized (see {@link ParameterValues}); the base defaults are merged
 *                     into the launch request
 * @param queue        the execution queue, when the study's backend hands experiments out through one
 * @param maxIteration the suggestion's budget, else the study's {@code maxIterationPerJob}
 */
record NewExperiment(int number, String name, String project, Map<String, Object> parameters, String queue,
                     Long maxIteration) {
}
