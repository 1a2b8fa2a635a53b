package dev.hpo.loop;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.study.StudyTransition;

/**
 * The per-study lease that makes one replica at a time drive a study. It lives in the study row
 * ({@code lease_owner}, {@code lease_expires_at}); claiming skips rows another transaction holds, so replicas
 * scanning at the same moment split the studies instead of queueing behind each other. Holding a lease is
 * necessary but not sufficient to create experiments: a tick also locks the row and re-checks it (see
 * {@link StudyTick}).
 */
@Component
public class StudyLeases {

    /** The studies a replica drives: those a loop transition may still end (RUNNING, STOPPING). */
    private static final String DRIVEN = StudyTransition.COMPLETE.sqlGuard();

    private final JdbcTemplate jdbc;
    private final LoopSettings settings;
    private final Clock clock;

    StudyLeases(JdbcTemplate jdbc, LoopSettings settings, Clock loopClock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = loopClock;
    }

    /**
     * Renews this replica's leases of active studies, then claims up to {@link LoopSettings#maxStudiesPerClaim()}
     * more that nobody holds or whose lease expired; returns every study this replica now holds.
     */
    @Transactional
    public List<UUID> claim() {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.studyLeaseDuration());
        List<UUID> held = new ArrayList<>(jdbc.queryForList("""
                UPDATE study SET lease_expires_at = ?
                 WHERE lease_owner = ? AND %s
                RETURNING id
                """.formatted(DRIVEN), UUID.class, Jdbc.timestamp(expiresAt), settings.replicaId()));
        held.addAll(jdbc.queryForList("""
                UPDATE study SET lease_owner = ?, lease_expires_at = ?
                 WHERE id IN (SELECT id FROM study
                               WHERE %s
                                 AND (lease_owner IS NULL OR lease_expires_at < ?)
                               ORDER BY lease_owner NULLS FIRST, started_at
                               LIMIT ?
                               FOR UPDATE SKIP LOCKED)
                RETURNING id
                """.formatted(DRIVEN), UUID.class, settings.replicaId(), Jdbc.timestamp(expiresAt), Jdbc.timestamp(now),
                settings.maxStudiesPerClaim()));
        return held;
    }

    /** Gives back every study this replica holds, so another replica takes them over at once (graceful shutdown). */
    @Transactional
    public int releaseAll() {
        return jdbc.update("UPDATE study SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?",
                settings.replicaId());
    }

    /** Gives back one study (it ended): it no longer needs a driver. */
    @Transactional
    public void release(UUID studyId) {
        jdbc.update("UPDATE study SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ?",
                studyId, settings.replicaId());
    }
}
