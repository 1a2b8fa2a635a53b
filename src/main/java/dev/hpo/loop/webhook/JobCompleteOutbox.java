package dev.hpo.loop.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.hpo.shared.Timestamps;

/**
 * The {@code job_complete_event} table: events are recorded in the tick's transaction and delivered later.
 * Claiming a batch pushes its {@code next_attempt_at} past the request timeout, so a replica that dies
 * mid-delivery leaves the event due again instead of lost, and two replicas never post one event at once.
 */
@Component
public class JobCompleteOutbox {

    private final JdbcTemplate jdbc;

    JobCompleteOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event of one ended experiment; false when it was already recorded. */
    public boolean record(UUID studyId, UUID experimentId, String callbackUrl, String payloadJson, Instant now) {
        boolean deliver = callbackUrl != null && !callbackUrl.isBlank();
        return jdbc.update("""
                INSERT INTO job_complete_event (id, study_id, experiment_id, callback_url, payload, created_at,
                                                next_attempt_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (experiment_id) DO NOTHING
                """, UUID.randomUUID(), studyId, experimentId, deliver ? callbackUrl : null, payloadJson,
                Timestamps.of(now), deliver ? Timestamps.of(now) : null) == 1;
    }

    /** One event claimed for a delivery attempt. */
    record Claimed(UUID id, String callbackUrl, String payload, int attempts) {
    }

    /** Claims up to {@code limit} due events until {@code claimUntil}. Run in a short transaction of its own. */
    List<Claimed> claimDue(Instant now, Instant claimUntil, int limit) {
        return jdbc.query("""
                UPDATE job_complete_event SET next_attempt_at = ?
                 WHERE id IN (SELECT id FROM job_complete_event
                               WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ?
                               ORDER BY next_attempt_at
                               LIMIT ?
                               FOR UPDATE SKIP LOCKED)
                RETURNING id, callback_url, payload::text AS payload, attempts
                """, (rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("callback_url"),
                rs.getString("payload"), rs.getInt("attempts")), Timestamps.of(claimUntil), Timestamps.of(now), limit);
    }

    void delivered(UUID id, Instant now) {
        jdbc.update("""
                UPDATE job_complete_event SET delivered_at = ?, next_attempt_at = NULL, attempts = attempts + 1,
                       last_error = NULL
                 WHERE id = ?
                """, Timestamps.of(now), id);
    }

    /** Records a failed attempt; {@code retryAt} null gives the event up. */
    void failed(UUID id, String error, Instant retryAt) {
        jdbc.update("UPDATE job_complete_event SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                error, Timestamps.of(retryAt), id);
    }
}
