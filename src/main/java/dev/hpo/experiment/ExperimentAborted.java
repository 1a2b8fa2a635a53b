package dev.hpo.experiment;

import java.util.UUID;

/**
 * Published (as a Spring application event, listened to after commit) when a user aborted one experiment, so
 * that the study's backend stops it where it runs: the process backend kills its child process; the queue
 * backend does nothing, its worker is told {@code stop} on its next call. The listener looks the study's backend
 * up (the experiment package does not know studies).
 */
public record ExperimentAborted(UUID studyId, UUID experimentId) {
}
