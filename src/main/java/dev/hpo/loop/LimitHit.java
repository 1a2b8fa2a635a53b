package dev.hpo.loop;

import dev.hpo.shared.StopReason;
import dev.hpo.study.StudyStatus;

/**
 * A study-wide reason to end now: a stop request or a study limit. The study ends {@link #status()} with
 * {@link #studyReason()} (null keeps the reason already stored, as for a user's stop request), and each active
 * experiment is aborted with {@link #experimentReason()}.
 */
record LimitHit(StudyStatus status, StopReason studyReason, StopReason experimentReason) {

    static LimitHit stopRequested() {
        return new LimitHit(StudyStatus.STOPPED, StopReason.STOPPED_BY_USER, StopReason.STUDY_STOPPED);
    }

    static LimitHit deadline() {
        return new LimitHit(StudyStatus.STOPPED, StopReason.TIME_LIMIT, StopReason.TIME_LIMIT);
    }

    static LimitHit computeTime() {
        return new LimitHit(StudyStatus.STOPPED, StopReason.COMPUTE_TIME_LIMIT, StopReason.COMPUTE_TIME_LIMIT);
    }
}
