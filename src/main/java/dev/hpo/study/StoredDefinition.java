package dev.hpo.study;

import java.util.List;
import java.util.Map;

/**
 * A study's definition in its stored form: the JSON columns of the {@code study} row as generic JSON values
 * (lists, maps, strings, numbers, as Jackson or Hibernate read {@code jsonb}) and the study's limits
 * ({@code study.limits}, already read by {@link StudyDefinitionCodec#decodeLimits}). A new study's input has the same form before it is checked. {@link StudyDefinitionCodec} turns it into a
 * {@link StudyDefinition} and back.
 *
 * @param space            the parameter list ({@code study.space}; {@code SpaceCodec}'s JSON form)
 * @param objectives       {@code study.objectives}: one {@code {title, series, sign}} object per objective
 * @param strategyName     {@code study.strategy_name}
 * @param strategySettings {@code study.strategy_settings} (for {@code auto} with the recorded {@code resolvedTo})
 * @param earlyStopping    {@code study.early_stopping}, or null for none
 * @param limits           {@code study.limits}; strategies and stopping rules plan with their
 *                         {@link StudyLimits#budget()}
 */
public record StoredDefinition(List<?> space, List<Map<String, String>> objectives, String strategyName,
                               Map<String, Object> strategySettings, EarlyStopping earlyStopping, StudyLimits limits) {
}
