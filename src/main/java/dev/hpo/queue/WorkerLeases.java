package dev.hpo.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker-lease columns of {@code experiment} written in plain SQL on the hot path of the worker protocol,
 * in the caller's transaction. Neither write touches {@code version} or {@code status}: a lease renewal never
 * collides with another write of the row, and fires no event trigger.
 */
@Repository
class WorkerLeases {

    private final JdbcTemplate jdbc;

    WorkerLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Extends the worker lease of a RUNNING experiment (any worker) and gives its study; null when it is not
     * RUNNING (or does not exist). The row lock it takes serializes it with an abort in progress.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID renew(UUID experimentId, Instant expiresAt) {
        List<UUID> study = jdbc.query("update experiment set worker_lease_expires_at = ? where id = ? and status = 'RUNNING'"
                + " returning study_id", (rs, i) -> rs.getObject(1, UUID.class), Timestamp.from(expiresAt), experimentId);
        return study.isEmpty() ? null : study.get(0);
    }

    /** Records which API token leased the experiment ({@code dev.hpo.security.LeaseHolders} reads it). */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordHolder(UUID experimentId, UUID tokenId) {
        jdbc.update("update experiment set lease_token_id = ? where id = ?", tokenId, experimentId);
    }
}
