package dev.hpo.study;

import java.util.UUID;

/**
 * Published (Spring application event, listened to after commit) when a study's status changed: started,
 * stop requested, or ended. The loop ticks a started or stopping study at once; long-polling waiters wake up
 * when it ended.
 */
public record StudyStateChanged(UUID studyId, String status) {
}
