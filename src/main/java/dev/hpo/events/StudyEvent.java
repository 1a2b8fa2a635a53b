package dev.hpo.events;

import java.util.UUID;

/**
 * One event of a study's stream.
 *
 * @param seq     the id clients see (SSE {@code id:}), increasing per study (and over all studies)
 * @param studyId the study
 * @param type    {@code experiment_created}, {@code experiment_started}, {@code experiment_reported},
 *                {@code experiment_requeued}, {@code experiment_ended}, {@code study_changed}, {@code report_written}
 * @param data    the event's JSON object on one line
 */
public record StudyEvent(long seq, UUID studyId, String type, String data) {
}
