package dev.hpo.loop;

/** The {@code stop_reason} / {@code status_reason} values the loop writes. */
final class StopReasons {

    static final String TIME_LIMIT = "time_limit";
    static final String ITERATION_LIMIT = "iteration_limit";
    static final String PRUNED = "pruned";
    static final String WORKER_LOST = "worker_lost";
    static final String STUDY_STOPPED = "study_stopped";
    static final String STUDY_FAILED = "study_failed";
    static final String COMPUTE_TIME_LIMIT = "compute_time_limit";
    static final String STRATEGY_EXHAUSTED = "strategy_exhausted";
    static final String JOB_BUDGET = "job_budget";
    static final String STOPPED_BY_USER = "stopped_by_user";

    private StopReasons() {
    }
}
