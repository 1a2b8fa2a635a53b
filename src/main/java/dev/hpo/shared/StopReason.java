package dev.hpo.shared;

/**
 * Every reason the service stores in {@code experiment.stop_reason} or {@code study.status_reason} for an end it
 * decided (a strategy failure stores its message instead). {@link #code()} is the stored text, which the API
 * shows as is.
 */
public enum StopReason {
    /** A user stopped the study or aborted the experiment. */
    STOPPED_BY_USER("stopped_by_user"),
    /** The study's optimization deadline passed, or an experiment ran longer than the time limit per job. */
    TIME_LIMIT("time_limit"),
    /** The experiment reported its last allowed iteration (it ends COMPLETED). */
    ITERATION_LIMIT("iteration_limit"),
    /** The study's early-stopping rule stopped the experiment. */
    PRUNED("pruned"),
    /** The experiment's worker stopped renewing its lease. */
    WORKER_LOST("worker_lost"),
    /** The experiment was aborted because its study stopped. */
    STUDY_STOPPED("study_stopped"),
    /** The experiment was aborted because its study failed. */
    STUDY_FAILED("study_failed"),
    /** The experiments' running minutes reached the study's compute time limit. */
    COMPUTE_TIME_LIMIT("compute_time_limit"),
    /** The strategy has nothing more to suggest (or repeats itself). */
    STRATEGY_EXHAUSTED("strategy_exhausted"),
    /** The study created its {@code totalMaxJobs} experiments and they all ended. */
    JOB_BUDGET("job_budget");

    private final String code;

    StopReason(String code) {
        this.code = code;
    }

    /** The stored text. */
    public String code() {
        return code;
    }

    /** The reason stored as {@code code}, or null for null or a text the service did not write (a message). */
    public static StopReason fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (StopReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        return null;
    }
}
