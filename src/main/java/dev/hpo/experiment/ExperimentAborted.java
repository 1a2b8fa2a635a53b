package dev.hpo.experiment;

import java.util.UUID;

/**
 * Published (as a Spring application event, listened to after commit) when a user aborted one experiment, so
 * that the study's backend stops it where it runs ({@code backend} is the study's backend name): the process
 * backend kills its child process; the queue backend does nothing, its worker is told {@code stop} on its next
 * call.
 */
public record ExperimentAborted(UUID studyId, UUID experimentId, String backend) {
}
