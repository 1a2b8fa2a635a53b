package dev.hpo.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The experiment row writes of the worker protocol's hot path (lease, scalar reports, complete) in plain SQL,
 * in the caller's transaction: one statement each instead of an entity read, a dirty check and an update of
 * every column. Each is guarded exactly like the entity's transition ({@code Experiment.start},
 * {@code Experiment.complete} from RUNNING): the {@code WHERE status = ...} is the guard, and a write that
 * changes the status bumps {@code version} as Hibernate would, so an entity loaded before fails its optimistic
 * check instead of overwriting. Anything but the common case (a late or repeated call) goes through the entity.
 */
@Repository
class WorkerRows {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.shared();

    /** A row just leased: what the lease answer needs, and whether it was a retry after a lost worker. */
    record Leased(UUID id, UUID studyId, String name, String project, Map<String, Object> parameters,
                  Long maxIteration, int retries) {
    }

    /** A row just completed from RUNNING. */
    record Completed(UUID id, UUID studyId, String failureMessage) {
    }

    private final JdbcTemplate jdbc;

    WorkerRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * QUEUED -> RUNNING for the oldest QUEUED experiment of {@code queue} whose study is RUNNING, locked with
     * {@code SKIP LOCKED}: concurrent workers never get the same experiment and never wait for each other. Records
     * the API token that leased it (null for none). Null when the queue has nothing to run.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Leased leaseOldestQueued(String queue, String workerId, Instant now, Instant leaseExpiresAt, UUID tokenId) {
        List<Leased> rows = jdbc.query("""
                with next as (
                    select e.id from experiment e
                    where e.queue = ? and e.status = 'QUEUED'
                      and exists (select 1 from study s where s.id = e.study_id and s.status = 'RUNNING')
                    order by e.created_at, e.number
                    limit 1
                    for update of e skip locked)
                update experiment e set status = 'RUNNING', worker_id = ?, started_at = ?,
                    worker_lease_expires_at = ?, lease_token_id = ?, version = e.version + 1
                from next where e.id = next.id
                returning e.id, e.study_id, e.name, e.project, e.parameters::text, e.max_iteration, e.retries""",
                (rs, i) -> new Leased(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), parameters(rs.getString(5)), rs.getObject(6, Long.class), rs.getInt(7)),
                queue, workerId, Timestamp.from(now), Timestamp.from(leaseExpiresAt), tokenId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** RUNNING -> COMPLETED; null when it is not RUNNING (the entity path answers every other case). */
    @Transactional(propagation = Propagation.MANDATORY)
    Completed completeRunning(UUID experimentId, Instant now) {
        List<Completed> rows = jdbc.query("""
                update experiment set status = 'COMPLETED', stop_reason = null, ended_at = ?,
                    worker_lease_expires_at = null, version = version + 1
                where id = ? and status = 'RUNNING'
                returning id, study_id, failure_message""",
                (rs, i) -> new Completed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                Timestamp.from(now), experimentId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * A renewed lease: the experiment's study, and whether a report can change what the loop decides about it (it
     * has an iteration budget, or its study an early-stopping rule: docs/loop.md, step 2).
     */
    record Renewed(UUID studyId, boolean reportsMatter) {
    }

    /**
     * Extends the worker lease of a RUNNING experiment (any worker); null when it is not RUNNING (or does not
     * exist). Touches neither {@code version} nor {@code status}, so a renewal never collides with another write of
     * the row; the row lock it takes serializes it with an abort in progress. The study row is read, not locked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Renewed renew(UUID experimentId, Instant expiresAt) {
        List<Renewed> rows = jdbc.query("""
                update experiment e set worker_lease_expires_at = ?
                from study s
                where e.id = ? and e.status = 'RUNNING' and s.id = e.study_id
                returning e.study_id, e.max_iteration is not null
                    or coalesce(jsonb_typeof(s.early_stopping), 'null') <> 'null'""",
                (rs, i) -> new Renewed(rs.getObject(1, UUID.class), rs.getBoolean(2)), Timestamp.from(expiresAt),
                experimentId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Map<String, Object> parameters(String json) {
        return json == null ? Map.of() : JSON.readValue(json, MAP);
    }
}
