package dev.hpo.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.hpo.shared.StudyId;

/**
 * Long-poll waiters for studies to end, without a thread per waiter: each waiter is a callback registered here
 * and run when the study ends. Ends seen on this replica arrive as {@link StudyStateChanged} after commit;
 * ends written by another replica are found by a check of all waited-for studies every second.
 *
 * <p>The web layer wraps a {@code DeferredResult} in the callback and handles the timeout itself.
 */
@Component
public class StudyWaiters {

    private static final Logger log = LoggerFactory.getLogger(StudyWaiters.class);

    private final StudyRepository studies;
    private final Map<UUID, List<Waiter>> waiters = new ConcurrentHashMap<>();

    StudyWaiters(StudyRepository studies) {
        this.studies = studies;
    }

    /** A registration; {@link #cancel} it when the caller stops waiting (timeout, disconnect). */
    public final class Waiter {
        private final UUID studyId;
        private final Consumer<StudyStatus> onEnd;

        private Waiter(UUID studyId, Consumer<StudyStatus> onEnd) {
            this.studyId = studyId;
            this.onEnd = onEnd;
        }

        public void cancel() {
            List<Waiter> list = waiters.get(studyId);
            if (list != null) {
                list.remove(this);
                waiters.computeIfPresent(studyId, (id, l) -> l.isEmpty() ? null : l);
            }
        }
    }

    /**
     * Calls {@code onEnd} once with the final status when the study ends, from a listener or scheduler thread.
     * If the study has already ended, it is called before this returns.
     */
    public Waiter await(StudyId id, Consumer<StudyStatus> onEnd) {
        Waiter waiter = new Waiter(id.value(), onEnd);
        // compute() and remove() are atomic per key, so a waiter is never added to a list already released
        waiters.compute(id.value(), (k, list) -> {
            List<Waiter> l = list == null ? new CopyOnWriteArrayList<>() : list;
            l.add(waiter);
            return l;
        });
        // Checked after registering, so an end committed in between is not missed.
        studies.findStatusById(id.value()).filter(StudyStatus::ended).ifPresent(status -> release(id.value(), status));
        return waiter;
    }

    /** How many waiters are registered (for tests and metrics). */
    public int waiting() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StudyStateChanged event) {
        StudyStatus status;
        try {
            status = StudyStatus.valueOf(event.status());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (status.ended()) {
            release(event.studyId(), status);
        }
    }

    /** Finds studies ended by another replica (or whose event this replica missed). */
    @Scheduled(fixedDelayString = "${hpo.wait.check-interval:1s}")
    void checkEnded() {
        Set<UUID> ids = waiters.keySet();
        if (ids.isEmpty()) {
            return;
        }
        try {
            for (StudyRepository.IdAndStatus row : studies.findStatuses(new ArrayList<>(ids))) {
                if (row.getStatus().ended()) {
                    release(row.getId(), row.getStatus());
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not check waited-for studies; retrying", e);
        }
    }

    private void release(UUID studyId, StudyStatus status) {
        List<Waiter> list = waiters.remove(studyId);
        if (list == null) {
            return;
        }
        for (Waiter waiter : list) {
            try {
                waiter.onEnd.accept(status);
            } catch (RuntimeException e) {
                log.warn("a waiter of study {} failed", studyId, e);
            }
        }
    }
}
