package dev.hpo.strategy.tpe;

import java.util.Map;

/**
 * One finished evaluation as the TPE model sees it.
 *
 * @param parameters parameter name to value, as the space produced them (parameter sets contribute their keys)
 * @param loss       smaller is better; used to split observations into good and bad, not by the densities
 */
public record Observation(Map<String, Object> parameters, double loss) {
}
