package dev.hpo.study;

import java.util.EnumSet;
import java.util.Set;

import dev.hpo.shared.StatusGuard;

/**
 * The one table of a study's lifecycle: every status change, from which statuses it is allowed and where it
 * leads. The entity ({@link Study}) checks it before each change, and the loop's SQL writes use
 * {@link #sqlGuard()} in their {@code WHERE} clause, so both follow the same rules.
 */
public enum StudyTransition {
    START(StudyStatus.RUNNING, StudyStatus.CREATED),
    /** A stop request on a study that never started ends it at once. */
    STOP_UNSTARTED(StudyStatus.STOPPED, StudyStatus.CREATED),
    /** A stop request on a running study: the loop aborts its experiments, then ends it. */
    REQUEST_STOP(StudyStatus.STOPPING, StudyStatus.RUNNING),
    /** The loop ends it: job budget used or strategy exhausted. */
    COMPLETE(StudyStatus.COMPLETED, StudyStatus.RUNNING, StudyStatus.STOPPING),
    /** The loop ends it: stop request or a time limit. */
    STOP(StudyStatus.STOPPED, StudyStatus.RUNNING, StudyStatus.STOPPING),
    /** The loop ends it: its strategy failed or its definition cannot be used. */
    FAIL(StudyStatus.FAILED, StudyStatus.RUNNING, StudyStatus.STOPPING);

    private final StudyStatus to;
    private final Set<StudyStatus> from;
    private final String sqlGuard;

    StudyTransition(StudyStatus to, StudyStatus first, StudyStatus... rest) {
        this.to = to;
        this.from = EnumSet.of(first, rest);
        this.sqlGuard = StatusGuard.statusIn(from);
    }

    public StudyStatus to() {
        return to;
    }

    public Set<StudyStatus> from() {
        return Set.copyOf(from);
    }

    public boolean allows(StudyStatus current) {
        return from.contains(current);
    }

    /** The SQL condition that holds exactly when the change is allowed: {@code status IN ('RUNNING', 'STOPPING')}. */
    public String sqlGuard() {
        return sqlGuard;
    }

    /** The change that ends a driven study with {@code outcome} (COMPLETED, STOPPED or FAILED). */
    public static StudyTransition ending(StudyStatus outcome) {
        return switch (outcome) {
            case COMPLETED -> COMPLETE;
            case STOPPED -> STOP;
            case FAILED -> FAIL;
            default -> throw new IllegalArgumentException("a study ends COMPLETED, STOPPED or FAILED, not " + outcome);
        };
    }
}
