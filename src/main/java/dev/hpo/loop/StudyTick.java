package dev.hpo.loop;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.backend.LaunchRequest;

/**
 * One tick of one study, run inside one transaction (see {@link StudyTicker}): lock the study row, bring the
 * {@link StudySnapshot} up to date ({@link SnapshotLoader}), decide ({@link TickDecider#decide}, no database),
 * write the plan ({@link TickWriter}).
 *
 * <p>It starts by locking the study row and checking that this replica holds (or may take) the study's lease:
 * a replica whose lease was taken over while it paused sees the new owner and does nothing, and two threads
 * never interleave their ticks of one study. Experiment numbers come from the locked row, and the unique
 * {@code (study_id, number)} constraint is the last guard against a double creation.
 */
@Component
class StudyTick {

    /** Decisions per tick when guarded writes keep meeting rows that changed; then the filling waits a tick. */
    static final int MAX_DECISIONS = 3;

    private final LoopStore store;
    private final StudySnapshots snapshots;
    private final SnapshotLoader loader;
    private final TickWriter writer;
    private final LoopSettings settings;
    private final Clock clock;

    StudyTick(LoopStore store, StudySnapshots snapshots, SnapshotLoader loader, TickWriter writer,
              LoopSettings settings, Clock clock) {
        this.store = store;
        this.snapshots = snapshots;
        this.loader = loader;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the tick; the caller provides the transaction. */
    TickResult run(UUID studyId) {
        Instant leaseNow = clock.instant();
        StudyRow study = store.lockStudy(studyId);
        if (study == null || !study.status().active()) {
            snapshots.forget(studyId);
            return TickResult.notDriven();
        }
        if (!study.leasedBy(settings.replicaId(), leaseNow) && study.leaseOwner() != null
                && study.leaseExpiresAt() != null && study.leaseExpiresAt().isAfter(leaseNow)) {
            // Another replica drives it; our snapshot goes stale while it does.
            snapshots.forget(studyId);
            return TickResult.notDriven();
        }
        if (!settings.replicaId().equals(study.leaseOwner())) {
            // The lease changes hands: whatever this replica knew of the study may be out of date.
            snapshots.forget(studyId);
        }
        if (!study.leasedBy(settings.replicaId(), leaseNow.plus(settings.studyLeaseDuration().dividedBy(2)))) {
            // Claimed just now, or near its end: hold it for a full lease. A lease with more than half of it left
            // is left alone (the renewal every tick interval keeps it), which spares a write of the study row in most
            // ticks.
            store.holdLease(studyId, settings.replicaId(), leaseNow.plus(settings.studyLeaseDuration()));
        }

        StudySnapshot snapshot;
        try {
            snapshot = snapshots.get(study);
        } catch (RuntimeException e) {
            return writer.failUnusable(study, "cannot drive the study: " + message(e), clock.instant());
        }
        loader.refresh(snapshot, study, leaseNow);
        // Read after the rows: every end this tick saw committed happened before it, so an experiment created
        // in a freed slot never appears to start before the one it replaces ended.
        Instant now = clock.instant();
        List<UUID> aborts = new ArrayList<>();
        List<LaunchRequest> launches = new ArrayList<>();
        TickPlan plan = TickDecider.decide(snapshot, now);
        for (int attempt = 1; ; attempt++) {
            List<Integer> missed = writer.writeEnds(snapshot, plan, now, aborts, launches);
            if (missed.isEmpty()) {
                break;
            }
            // A worker ended (or a heartbeat kept) an experiment between the read and the write: read it again and
            // decide again, so a slot is refilled only after its end, as the database records it.
            if (attempt == MAX_DECISIONS || !loader.reread(snapshot, missed)) {
                snapshot.markStale();
                plan = plan.withoutCreations();
                break;
            }
            now = clock.instant();
            plan = TickDecider.decide(snapshot, now);
        }
        return writer.apply(snapshot, plan, now, aborts, launches);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
