package dev.hpo.experiment;

import java.util.EnumSet;
import java.util.Set;

import dev.hpo.shared.StatusGuard;

/**
 * The one table of an experiment's lifecycle: every status change, from which statuses it is allowed and where
 * it leads. The entity ({@link Experiment}) checks it before each change, and the loop's SQL writes use
 * {@link #sqlGuard()} in their {@code WHERE} clause, so both follow the same rules.
 */
public enum ExperimentTransition {
    /** A worker (or an in-process backend) leases it. */
    START(ExperimentStatus.RUNNING, ExperimentStatus.QUEUED),
    /** Its worker reports success. */
    COMPLETE(ExperimentStatus.COMPLETED, ExperimentStatus.RUNNING),
    /** The worker of a lost attempt completes it after all, before the retry was leased. */
    COMPLETE_LOST_ATTEMPT(ExperimentStatus.COMPLETED, ExperimentStatus.QUEUED),
    /** It reported the last iteration of its budget: a normal end whose result counts. */
    REACH_ITERATION_LIMIT(ExperimentStatus.COMPLETED, ExperimentStatus.RUNNING),
    /** Its worker reports a failure. */
    FAIL(ExperimentStatus.FAILED, ExperimentStatus.QUEUED, ExperimentStatus.RUNNING),
    /** Its worker stopped renewing the lease and no retry is left. */
    LOSE_WORKER(ExperimentStatus.FAILED, ExperimentStatus.RUNNING),
    /** Its worker stopped renewing the lease: same experiment queued again for another attempt. */
    RETRY(ExperimentStatus.QUEUED, ExperimentStatus.RUNNING),
    /** A user, a limit, the early-stopping rule or the study's end stops it. */
    ABORT(ExperimentStatus.ABORTED, ExperimentStatus.QUEUED, ExperimentStatus.RUNNING);

    private final ExperimentStatus to;
    private final Set<ExperimentStatus> from;
    private final String sqlGuard;

    ExperimentTransition(ExperimentStatus to, ExperimentStatus first, ExperimentStatus... rest) {
        this.to = to;
        this.from = EnumSet.of(first, rest);
        this.sqlGuard = StatusGuard.statusIn(from);
    }

    public ExperimentStatus to() {
        return to;
    }

    /** The statuses this change may start from. */
    public Set<ExperimentStatus> from() {
        return Set.copyOf(from);
    }

    public boolean allows(ExperimentStatus current) {
        return from.contains(current);
    }

    /** The SQL condition that holds exactly when the change is allowed: {@code status IN ('QUEUED', 'RUNNING')}. */
    public String sqlGuard() {
        return sqlGuard;
    }
}
