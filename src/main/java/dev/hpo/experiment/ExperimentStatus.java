package dev.hpo.experiment;

/** Lifecycle of an experiment: {@code QUEUED -> RUNNING -> COMPLETED | FAILED | ABORTED}. */
public enum ExperimentStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, ABORTED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == ABORTED;
    }

    /** Queued or running: it holds one of the study's concurrency slots. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
