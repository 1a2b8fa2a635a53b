package dev.hpo.loop;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * This replica's {@link StudySnapshot}s, one per study it drives, kept between ticks. Dropped (and so read in
 * full by the next tick) when the study ends here, when another replica drives it, and when a tick fails (its
 * rolled-back writes may be in the snapshot).
 */
@Component
class StudySnapshots {

    private final Map<UUID, StudySnapshot> snapshots = new ConcurrentHashMap<>();
    private final StudyModels models;

    StudySnapshots(StudyModels models) {
        this.models = models;
    }

    /** The snapshot of a study; throws when its stored definition cannot be used (the tick fails the study). */
    StudySnapshot get(StudyRow study) {
        StudySnapshot snapshot = snapshots.get(study.id());
        if (snapshot == null) {
            snapshot = new StudySnapshot(models.get(study));
            snapshots.put(study.id(), snapshot);
        }
        return snapshot;
    }

    void forget(UUID studyId) {
        snapshots.remove(studyId);
        models.forget(studyId);
    }
}
