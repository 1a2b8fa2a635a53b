package dev.hpo.loop.webhook;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
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

    /** The event of one ended experiment: its id and the JSON payload to deliver. */
    public record Ended(UUID experimentId, String payloadJson) {
    }

    /**
     * Records the events of ended experiments of one study and sets their {@code completion_notified} flag, in one
     * statement of the caller's transaction: exactly one event per experiment (an experiment already recorded keeps
     * its first event), and the flag never without the event.
     */
    public void recordEnded(UUID studyId, String callbackUrl, List<Ended> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        boolean deliver = callbackUrl != null && !callbackUrl.isBlank();
        UUID[] ids = new UUID[events.size()];
        UUID[] experiments = new UUID[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            ids[i] = UUID.randomUUID();
            experiments[i] = events.get(i).experimentId();
            payloads[i] = events.get(i).payloadJson();
        }
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement statement = con.prepareStatement("""
                    WITH recorded AS (
                        INSERT INTO job_complete_event (id, study_id, experiment_id, callback_url, payload, created_at,
                                                        next_attempt_at)
                        SELECT e.id, ?, e.experiment_id, ?, e.payload::jsonb, ?, ?
                          FROM unnest(?::uuid[], ?::uuid[], ?::text[]) AS e (id, experiment_id, payload)
                        ON CONFLICT (experiment_id) DO NOTHING)
                    UPDATE experiment SET completion_notified = true WHERE id = ANY(?)
                    """)) {
                Array experimentArray = con.createArrayOf("uuid", experiments);
                statement.setObject(1, studyId);
                statement.setString(2, deliver ? callbackUrl : null);
                statement.setObject(3, Timestamps.of(now));
                statement.setObject(4, deliver ? Timestamps.of(now) : null, Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setArray(5, con.createArrayOf("uuid", ids));
                statement.setArray(6, experimentArray);
                statement.setArray(7, con.createArrayOf("text", payloads));
                statement.setArray(8, experimentArray);
                return statement.executeUpdate();
            }
        });
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
