package dev.hpo.study;

import dev.hpo.trial.Budget;

/**
 * The study's limits (every one may be null: no limit), with ClearML's names in the javadoc. They are part of the
 * study's stored definition ({@code study.limits}, written and read by {@link StudyDefinitionCodec}), fixed once
 * the study starts; the loop's rules read them from the decoded definition. What changes while a study runs (the
 * absolute {@code deadline}, the report period) is a column of the study row instead.
 *
 * <p>A new limit is a component here (with its default in {@link #given}), its key in
 * {@link StudyDefinitionCodec#encodeLimits} and {@link StudyDefinitionCodec#decodeLimits}, its rule in the loop's
 * {@code TickDecider}, and its field in the study API's request and response (docs/loop.md, "Adding a study
 * limit").
 *
 * @param maxConcurrentExperiments     experiments queued or running at once ({@code max_number_of_concurrent_tasks})
 * @param totalMaxJobs                 experiments created in all ({@code total_max_jobs})
 * @param optimizationTimeLimitMinutes wall time from start ({@code optimization_time_limit}, but from start); the
 *                                     study's {@code deadline} is set from it at start
 * @param computeTimeLimitMinutes      sum of the experiments' running minutes ({@code compute_time_limit})
 * @param timeLimitPerJobMinutes       one experiment's running time ({@code time_limit_per_job})
 * @param minIterationPerJob           smallest iteration budget ({@code min_iteration_per_job})
 * @param maxIterationPerJob           iteration budget of one experiment ({@code max_iteration_per_job})
 * @param maxRetriesPerExperiment      how often an experiment whose worker was lost is queued again with the same
 *                                     parameters before it fails as {@code worker_lost} (0: never; not in ClearML)
 */
public record StudyLimits(int maxConcurrentExperiments, Integer totalMaxJobs, Double optimizationTimeLimitMinutes,
                          Double computeTimeLimitMinutes, Double timeLimitPerJobMinutes, Long minIterationPerJob,
                          Long maxIterationPerJob, int maxRetriesPerExperiment) {

    /**
     * Experiments at once when a study names none (ClearML's is 10; one at a time is safe for the process backend on
     * a small host and makes a seeded study exactly reproducible; raise it for queue workers).
     */
    public static final int DEFAULT_MAX_CONCURRENT = 1;
    /**
     * A lost experiment (its worker or the service died under it) runs once more by default: a restart of the
     * service or a preempted worker should not cost the study a result. 0 restores fail-at-once.
     */
    public static final int DEFAULT_RETRIES_PER_EXPERIMENT = 1;

    /** The limits a new study asked for (null: not given), with the defaults for those it left out. */
    public static StudyLimits given(Integer maxConcurrentExperiments, Integer totalMaxJobs,
                                    Double optimizationTimeLimitMinutes, Double computeTimeLimitMinutes,
                                    Double timeLimitPerJobMinutes, Long minIterationPerJob, Long maxIterationPerJob,
                                    Integer maxRetriesPerExperiment) {
        return new StudyLimits(maxConcurrentExperiments == null ? DEFAULT_MAX_CONCURRENT : maxConcurrentExperiments,
                totalMaxJobs, optimizationTimeLimitMinutes, computeTimeLimitMinutes, timeLimitPerJobMinutes,
                minIterationPerJob, maxIterationPerJob,
                maxRetriesPerExperiment == null ? DEFAULT_RETRIES_PER_EXPERIMENT : maxRetriesPerExperiment);
    }

    /** Limits without retries of lost experiments. */
    public StudyLimits(int maxConcurrentExperiments, Integer totalMaxJobs, Double optimizationTimeLimitMinutes,
                       Double computeTimeLimitMinutes, Double timeLimitPerJobMinutes, Long minIterationPerJob,
                       Long maxIterationPerJob) {
        this(maxConcurrentExperiments, totalMaxJobs, optimizationTimeLimitMinutes, computeTimeLimitMinutes,
                timeLimitPerJobMinutes, minIterationPerJob, maxIterationPerJob, 0);
    }

    /** The limits strategies and stopping rules plan with. */
    public Budget budget() {
        return new Budget(minIterationPerJob, maxIterationPerJob, totalMaxJobs, maxConcurrentExperiments);
    }

    /** The same limits with another optimization time limit (a study not started yet may change it). */
    public StudyLimits withOptimizationTimeLimitMinutes(Double minutes) {
        return new StudyLimits(maxConcurrentExperiments, totalMaxJobs, minutes, computeTimeLimitMinutes,
                timeLimitPerJobMinutes, minIterationPerJob, maxIterationPerJob, maxRetriesPerExperiment);
    }
}
