package dev.hpo.study;

/** Lifecycle of a study: {@code CREATED -> RUNNING [-> STOPPING] -> COMPLETED | STOPPED | FAILED}. */
public enum StudyStatus {
    CREATED, RUNNING, STOPPING, COMPLETED, STOPPED, FAILED;

    /** The study has ended and will never change again. */
    public boolean ended() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }

    /** The loop drives it (RUNNING or STOPPING). */
    public boolean active() {
        return this == RUNNING || this == STOPPING;
    }
}
