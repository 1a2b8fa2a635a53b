package dev.hpo.loop;

import dev.hpo.study.StudyStatus;
import dev.hpo.study.StudyTransition;

/**
 * A decision to end the study. {@code reason} is written as {@code status_reason}: for COMPLETED and STOPPED
 * only when none is stored yet (a user's stop request keeps its reason); for FAILED it replaces any (it says
 * what broke).
 */
record StudyEnd(StudyStatus status, String reason) {

    StudyTransition transition() {
        return StudyTransition.ending(status);
    }

    boolean failure() {
        return status == StudyStatus.FAILED;
    }
}
