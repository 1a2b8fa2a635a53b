package dev.hpo.study.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hpo.objective.Objective;
import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Study;
import dev.hpo.study.StudyLimits;
import dev.hpo.study.StudyStatus;

/** A study as the API shows it. */
record StudyResponse(UUID id, String name, UUID baseExperimentId, List<Map<String, Object>> parameters,
                     List<ObjectiveResponse> objectives, StrategyResponse strategy, EarlyStopping earlyStopping,
                     String backend, String executionQueue, int maxConcurrentExperiments, Integer totalMaxJobs,
                     Double optimizationTimeLimitMinutes, Double computeTimeLimitMinutes,
                     Double timeLimitPerJobMinutes, Long minIterationPerJob, Long maxIterationPerJob,
                     Integer saveTopKOnly, String spawnProject, double reportPeriodMinutes,
                     String jobCompleteCallbackUrl, StudyStatus status, String statusReason, Instant createdAt,
                     Instant startedAt, Instant endedAt, Instant deadline, int experimentsCreated,
                     int maxRetriesPerExperiment) {

    record ObjectiveResponse(String title, String series, String sign) {
        static ObjectiveResponse of(Objective o) {
            return new ObjectiveResponse(o.title(), o.series(), o.sign().json());
        }
    }

    record StrategyResponse(String name, long seed, Map<String, Object> settings) {
    }

    static StudyResponse of(Study s) {
        StudyLimits limits = s.limits();
        return new StudyResponse(s.id().value(), s.name(), s.baseExperimentId().value(), s.space(),
                s.objectives().stream().map(ObjectiveResponse::of).toList(),
                new StrategyResponse(s.strategyName(), s.seed(), s.strategySettings()), s.earlyStopping(),
                s.backend(), s.executionQueue(), limits.maxConcurrentExperiments(), limits.totalMaxJobs(),
                limits.optimizationTimeLimitMinutes(), limits.computeTimeLimitMinutes(),
                limits.timeLimitPerJobMinutes(), limits.minIterationPerJob(), limits.maxIterationPerJob(),
                s.saveTopKOnly(), s.spawnProject(),
                s.reportPeriodMinutes(), s.jobCompleteCallbackUrl(), s.status(), s.statusReason(), s.createdAt(),
                s.startedAt(), s.endedAt(), s.deadline(), s.experimentsCreated(),
                limits.maxRetriesPerExperiment());
    }
}
