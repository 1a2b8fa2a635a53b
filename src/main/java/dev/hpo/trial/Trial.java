package dev.hpo.trial;

import java.util.Map;
import java.util.NavigableMap;

/**
 * One experiment of a study as a strategy sees it.
 *
 * @param number       0-based creation number within the study
 * @param parameters   the values it was given (parameter name to value)
 * @param state        what is known of it
 * @param values       raw objective values, one per objective in study order, as the objectives' signs define
 *                     them (last value, or min/max of all); null unless {@link TrialState#COMPLETED} (and
 *                     possibly {@link TrialState#PRUNED}, with the values it had reached)
 * @param intermediate raw values of the first objective's series by iteration (empty if none reported)
 * @param maxIteration the iteration budget it was given (multi-fidelity strategies), or null for the study's
 */
public record Trial(int number, Map<String, Object> parameters, TrialState state, double[] values,
                    NavigableMap<Long, Double> intermediate, Long maxIteration) {
}
