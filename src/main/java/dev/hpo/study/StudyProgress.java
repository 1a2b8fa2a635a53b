package dev.hpo.study;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.hpo.experiment.ExperimentStatus;

/**
 * A study's status as the seed's status methods tell it.
 *
 * @param elapsedMinutes    minutes since start (to the end once ended), -1 before start ({@code elapsed})
 * @param active            the study is RUNNING or STOPPING ({@code is_active})
 * @param running           RUNNING and driven right now by a replica that holds its lease ({@code is_running})
 * @param reachedTimeLimit  its optimization deadline has passed ({@code reached_time_limit})
 * @param timeLimit         the absolute optimization deadline, or null ({@code get_time_limit})
 * @param activeExperiments queued plus running experiments ({@code get_num_active_experiments})
 */
public record StudyProgress(UUID id, StudyStatus status, String statusReason, double elapsedMinutes, boolean active,
                            boolean running, boolean reachedTimeLimit, Instant timeLimit, long activeExperiments,
                            int experimentsCreated, long queued, long runningExperiments, long completed, long failed,
                            long aborted) {

    static StudyProgress of(Study study, Map<ExperimentStatus, Long> counts, Instant now) {
        boolean driven = study.status() == StudyStatus.RUNNING && study.leaseExpiresAt() != null
                && study.leaseExpiresAt().isAfter(now);
        long queued = counts.get(ExperimentStatus.QUEUED);
        long running = counts.get(ExperimentStatus.RUNNING);
        return new StudyProgress(study.id().value(), study.status(), study.statusReason(), study.elapsedMinutes(now),
                study.status().active(), driven, study.reachedTimeLimit(now), study.deadline(), queued + running,
                study.experimentsCreated(), queued, running, counts.get(ExperimentStatus.COMPLETED),
                counts.get(ExperimentStatus.FAILED), counts.get(ExperimentStatus.ABORTED));
    }
}
