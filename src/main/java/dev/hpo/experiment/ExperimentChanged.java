package dev.hpo.experiment;

import java.util.UUID;

/**
 * Published (as a Spring application event, listened to after commit) when a worker or backend changed an
 * experiment: new scalars, complete, fail. The study loop ticks that study at once.
 */
public record ExperimentChanged(UUID studyId, UUID experimentId) {
}
