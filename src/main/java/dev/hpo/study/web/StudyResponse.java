package dev.hpo.study.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.hpo.objective.Objective;
import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Study;
import dev.hpo.study.StudyLimits;
import dev.hpo.study.StudyStatus;

/** A study as the API shows it; the limits' fields sit at the top level, as a new study gives them. */
record StudyResponse(UUID id, String name, UUID baseExperimentId, List<Map<String, Object>> parameters,
                     List<ObjectiveResponse> objectives, StrategyResponse strategy, EarlyStopping earlyStopping,
                     String backend, String executionQueue, @JsonUnwrapped StudyLimits limits,
                     Integer saveTopKOnly, String spawnProject, double reportPeriodMinutes,
                     String jobCompleteCallbackUrl, StudyStatus status, String statusReason, Instant createdAt,
                     Instant startedAt, Instant endedAt, Instant deadline, int experimentsCreated) {

    record ObjectiveResponse(String title, String series, String sign) {
        static ObjectiveResponse of(Objective o) {
            return new ObjectiveResponse(o.title(), o.series(), o.sign().json());
        }
    }

    record StrategyResponse(String name, long seed, Map<String, Object> settings) {
    }

    static StudyResponse of(Study s) {
        return new StudyResponse(s.id().value(), s.name(), s.baseExperimentId().value(), s.space(),
                s.objectives().stream().map(ObjectiveResponse::of).toList(),
                new StrategyResponse(s.strategyName(), s.seed(), s.strategySettings()), s.earlyStopping(),
                s.backend(), s.executionQueue(), s.limits(), s.saveTopKOnly(), s.spawnProject(),
                s.reportPeriodMinutes(), s.jobCompleteCallbackUrl(), s.status(), s.statusReason(), s.createdAt(),
                s.startedAt(), s.endedAt(), s.deadline(), s.experimentsCreated());
    }
}
