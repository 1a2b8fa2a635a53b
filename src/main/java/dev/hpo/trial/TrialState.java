package dev.hpo.trial;

/** What a strategy knows of one experiment of the history. */
public enum TrialState {
    /** Queued or running: its parameters are taken, its result is not known yet. */
    PENDING,
    /** Ended with every objective value known (completed, or stopped at a time or iteration limit). */
    COMPLETED,
    /** Stopped early by an early-stopping rule; its intermediate values are known. */
    PRUNED,
    /** Failed, lost, or ended without reporting the objective. */
    FAILED
}
