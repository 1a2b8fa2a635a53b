package dev.hpo.loop;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.ExperimentTransition;
import dev.hpo.objective.MetricSummary;
import dev.hpo.shared.StopReason;
import dev.hpo.study.StudyStatus;

/**
 * The SQL of one tick. The loop works on rows rather than JPA entities so that a tick over a study with
 * thousands of experiments stays a handful of indexed queries; its status changes are guarded by the same
 * transition tables the entities use ({@link ExperimentTransition}, {@code StudyTransition}: their
 * {@code sqlGuard()} is the {@code WHERE status IN (...)}), and every write bumps {@code version}, so an entity
 * loaded before the tick fails its optimistic check instead of overwriting what the tick did.
 */
@Component
class LoopStore {

    private static final String STUDY_COLUMNS = """
            id, name, base_experiment_id, status, status_reason, space::text AS space,
            objectives::text AS objectives, strategy_name, strategy_settings::text AS strategy_settings,
            strategy_state::text AS strategy_state, seed, early_stopping::text AS early_stopping,
            limits::text AS limits, backend, execution_queue, save_top_k_only, spawn_project, report_period_minutes,
            job_complete_callback_url, started_at, deadline, experiments_created, last_report_at, lease_owner,
            lease_expires_at
            """;

    private final JdbcTemplate jdbc;

    LoopStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the study row until the transaction ends; null when it does not exist. {@code FOR NO KEY UPDATE}, not
     * {@code FOR UPDATE}: ticks of one study still exclude each other (and a lease claim), but a worker's report,
     * whose inserts check their foreign key to the study with a key-share lock while it holds its experiment's
     * row, does not wait for the tick, which may be waiting for that experiment's row: no deadlock.
     */
    StudyRow lockStudy(UUID studyId) {
        List<StudyRow> rows = jdbc.query("SELECT " + STUDY_COLUMNS + " FROM study WHERE id = ? FOR NO KEY UPDATE",
                (rs, i) -> study(rs), studyId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    void holdLease(UUID studyId, String owner, Instant expiresAt) {
        jdbc.update("UPDATE study SET lease_owner = ?, lease_expires_at = ? WHERE id = ?", owner,
                Jdbc.timestamp(expiresAt), studyId);
    }

    BaseExperimentRow baseExperiment(UUID id) {
        return jdbc.queryForObject("""
                SELECT name, project, parameters::text AS parameters, command::text AS command, working_directory,
                       environment::text AS environment
                  FROM base_experiment WHERE id = ?
                """, (rs, i) -> new BaseExperimentRow(rs.getString("name"), rs.getString("project"),
                rs.getString("parameters"), rs.getString("command"), rs.getString("working_directory"),
                rs.getString("environment")), id);
    }

    private static final String EXPERIMENT_COLUMNS = """
            id, number, status, stop_reason, max_iteration, started_at, ended_at, worker_lease_expires_at,
            completion_notified, archived, retries
            """;

    /** Every experiment of the study, in creation order, without parameters (see {@link #parameters}). */
    List<ExperimentRow> experiments(UUID studyId) {
        return jdbc.query("SELECT " + EXPERIMENT_COLUMNS + " FROM experiment WHERE study_id = ? ORDER BY number",
                (rs, i) -> experiment(rs), studyId);
    }

    /** The given experiments, in creation order (primary-key lookups, whatever the study's size). */
    List<ExperimentRow> experiments(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.toArray(UUID[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement(
                    "SELECT " + EXPERIMENT_COLUMNS + " FROM experiment WHERE id = ANY(?) ORDER BY number");
            statement.setArray(1, con.createArrayOf("uuid", array));
            return statement;
        }, (rs, i) -> experiment(rs));
    }

    /** The summary of one metric for the given experiments (those that reported it). */
    Map<UUID, MetricSummary> summaries(Collection<UUID> experimentIds, String title, String series) {
        Map<UUID, MetricSummary> byExperiment = new HashMap<>();
        if (experimentIds.isEmpty()) {
            return byExperiment;
        }
        UUID[] ids = experimentIds.toArray(UUID[]::new);
        jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT experiment_id, last_value, last_iteration, min_value, max_value, count
                      FROM metric_summary WHERE experiment_id = ANY(?) AND title = ? AND series = ?
                    """);
            statement.setArray(1, con.createArrayOf("uuid", ids));
            statement.setString(2, title);
            statement.setString(3, series);
            return statement;
        }, rs -> {
            byExperiment.put(Jdbc.uuid(rs, "experiment_id"), new MetricSummary(rs.getDouble("last_value"),
                    rs.getLong("last_iteration"), rs.getDouble("min_value"), rs.getDouble("max_value"),
                    rs.getLong("count")));
        });
        return byExperiment;
    }

    /** Parameters (JSON text) of the study's experiments numbered {@code fromNumber} and up, by number. */
    Map<Integer, String> parameters(UUID studyId, int fromNumber) {
        Map<Integer, String> byNumber = new HashMap<>();
        jdbc.query("SELECT number, parameters::text AS parameters FROM experiment WHERE study_id = ? AND number >= ?",
                rs -> {
                    byNumber.put(rs.getInt("number"), rs.getString("parameters"));
                }, studyId, fromNumber);
        return byNumber;
    }

    /** The summary of one metric for every experiment of the study that reported it. */
    Map<UUID, MetricSummary> summaries(UUID studyId, String title, String series) {
        Map<UUID, MetricSummary> byExperiment = new HashMap<>();
        jdbc.query("""
                SELECT experiment_id, last_value, last_iteration, min_value, max_value, count
                  FROM metric_summary WHERE study_id = ? AND title = ? AND series = ?
                """, rs -> {
            byExperiment.put(Jdbc.uuid(rs, "experiment_id"), new MetricSummary(rs.getDouble("last_value"),
                    rs.getLong("last_iteration"), rs.getDouble("min_value"), rs.getDouble("max_value"),
                    rs.getLong("count")));
        }, studyId, title, series);
        return byExperiment;
    }

    /** The points of one metric of the given experiments, by experiment then iteration. */
    Map<UUID, NavigableMap<Long, Double>> series(Collection<UUID> experimentIds, String title, String series) {
        Map<UUID, NavigableMap<Long, Double>> byExperiment = new HashMap<>();
        if (experimentIds.isEmpty()) {
            return byExperiment;
        }
        UUID[] ids = experimentIds.toArray(UUID[]::new);
        jdbc.query(con -> {
            var statement = con.prepareStatement(
                    "SELECT experiment_id, iteration, value FROM scalar WHERE experiment_id = ANY(?) AND title = ? AND series = ?");
            statement.setArray(1, con.createArrayOf("uuid", ids));
            statement.setString(2, title);
            statement.setString(3, series);
            return statement;
        }, rs -> {
            byExperiment.computeIfAbsent(Jdbc.uuid(rs, "experiment_id"), id -> new TreeMap<>())
                    .put(rs.getLong("iteration"), rs.getDouble("value"));
        });
        return byExperiment;
    }

    /**
     * Ends an active experiment as {@code move} says, guarded by the move's allowed statuses (and, for a lost
     * worker, by its lease still being expired at {@code now}: a heartbeat may have renewed it since the tick read
     * it). False when the guard did not hold, in which case nothing changes.
     */
    boolean endExperiment(UUID id, ExperimentTransition move, StopReason reason, String message, Instant now) {
        String leaseStillExpired = move == ExperimentTransition.LOSE_WORKER ? " AND worker_lease_expires_at < ?" : "";
        String sql = "UPDATE experiment SET status = ?, stop_reason = ?, failure_message = COALESCE(?, failure_message),"
                + " ended_at = ?, worker_lease_expires_at = NULL, version = version + 1"
                + " WHERE id = ? AND " + move.sqlGuard() + leaseStillExpired;
        Object[] args = move == ExperimentTransition.LOSE_WORKER
                ? new Object[] {move.to().name(), reason.code(), message, Jdbc.timestamp(now), id, Jdbc.timestamp(now)}
                : new Object[] {move.to().name(), reason.code(), message, Jdbc.timestamp(now), id};
        return jdbc.update(sql, args) == 1;
    }

    /**
     * Puts a RUNNING experiment whose worker was lost back to QUEUED for another attempt ({@link
     * ExperimentTransition#RETRY}), if it was retried fewer than {@code maxRetries} times and its lease is still
     * expired at {@code now}: same row, same number and parameters, {@code retries} + 1, the worker, start and
     * lease cleared. The lost attempt's scalars stay until the retry starts (a late {@code complete} of the lost
     * worker keeps them; see {@code WorkerProtocol}). Returns the experiment's name, or null when it was not
     * requeued.
     */
    String requeueLost(UUID id, int maxRetries, Instant now) {
        List<String> names = jdbc.queryForList("UPDATE experiment SET status = ?, retries = retries + 1,"
                + " worker_id = NULL, started_at = NULL, worker_lease_expires_at = NULL, version = version + 1"
                + " WHERE id = ? AND " + ExperimentTransition.RETRY.sqlGuard()
                + " AND retries < ? AND worker_lease_expires_at < ? RETURNING name", String.class,
                ExperimentTransition.RETRY.to().name(), id, maxRetries, Jdbc.timestamp(now));
        return names.isEmpty() ? null : names.get(0);
    }

    /** Aborts every active experiment of the study (it failed before a snapshot could be built); returns their ids. */
    List<UUID> abortAll(UUID studyId, StopReason reason, Instant now) {
        return jdbc.queryForList("UPDATE experiment SET status = ?, stop_reason = ?, ended_at = ?,"
                + " worker_lease_expires_at = NULL, version = version + 1"
                + " WHERE study_id = ? AND " + ExperimentTransition.ABORT.sqlGuard() + " RETURNING id", UUID.class,
                ExperimentTransition.ABORT.to().name(), reason.code(), Jdbc.timestamp(now), studyId);
    }

    /** An experiment the tick creates: QUEUED, not archived, not notified, version 0. */
    record CreatedRow(UUID id, int number, String name, String project, String parametersJson, String queue,
                      Long maxIteration) {
    }

    /**
     * Saves the tick's progress (the strategy's state and the study's experiment counter) and inserts the experiments
     * it created, in creation order, in one statement.
     */
    void saveProgress(UUID studyId, String strategyStateJson, int experimentsCreated, List<CreatedRow> created,
                      Instant now, String createdBy) {
        int n = created.size();
        UUID[] ids = new UUID[n];
        Integer[] numbers = new Integer[n];
        String[] names = new String[n];
        String[] projects = new String[n];
        String[] parameters = new String[n];
        String[] queues = new String[n];
        Long[] maxIterations = new Long[n];
        for (int i = 0; i < n; i++) {
            CreatedRow row = created.get(i);
            ids[i] = row.id();
            numbers[i] = row.number();
            names[i] = row.name();
            projects[i] = row.project();
            parameters[i] = row.parametersJson();
            queues[i] = row.queue();
            maxIterations[i] = row.maxIteration();
        }
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (var statement = con.prepareStatement("""
                    WITH created AS (
                        INSERT INTO experiment (id, study_id, number, name, project, parameters, status, archived,
                                                queue, max_iteration, created_at, completion_notified, version,
                                                created_by)
                        SELECT c.id, ?, c.number, c.name, c.project, c.parameters::jsonb, ?, false, c.queue,
                               c.max_iteration, ?, false, 0, ?
                          FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                               WITH ORDINALITY AS c (id, number, name, project, parameters, queue, max_iteration,
                                                     position)
                         ORDER BY c.position)
                    UPDATE study SET strategy_state = ?::jsonb, experiments_created = ?, version = version + 1
                     WHERE id = ?
                    """)) {
                statement.setObject(1, studyId);
                statement.setString(2, ExperimentStatus.QUEUED.name());
                statement.setObject(3, Jdbc.timestamp(now));
                statement.setString(4, createdBy);
                statement.setArray(5, con.createArrayOf("uuid", ids));
                statement.setArray(6, con.createArrayOf("int4", numbers));
                statement.setArray(7, con.createArrayOf("text", names));
                statement.setArray(8, con.createArrayOf("text", projects));
                statement.setArray(9, con.createArrayOf("text", parameters));
                statement.setArray(10, con.createArrayOf("text", queues));
                statement.setArray(11, con.createArrayOf("int8", maxIterations));
                statement.setString(12, strategyStateJson);
                statement.setInt(13, experimentsCreated);
                statement.setObject(14, studyId);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Ends a driven study as {@code end} says, guarded by its transition. COMPLETED and STOPPED keep a reason already
     * stored (a user's stop request); FAILED replaces it (the reason says what broke).
     */
    boolean endStudy(UUID studyId, StudyEnd end, Instant now) {
        String reason = end.failure() ? "?" : "COALESCE(status_reason, ?)";
        return jdbc.update("UPDATE study SET status = ?, status_reason = " + reason + ", ended_at = ?,"
                + " lease_owner = NULL, lease_expires_at = NULL, version = version + 1"
                + " WHERE id = ? AND " + end.transition().sqlGuard(),
                end.status().name(), end.reason(), Jdbc.timestamp(now), studyId) == 1;
    }

    void writeReport(UUID studyId, String reportJson, Instant now) {
        jdbc.update("UPDATE study SET report = ?::jsonb, last_report_at = ?, version = version + 1 WHERE id = ?",
                reportJson, Jdbc.timestamp(now), studyId);
    }

    void setArchived(Collection<UUID> experimentIds, boolean archived) {
        if (experimentIds.isEmpty()) {
            return;
        }
        UUID[] ids = experimentIds.toArray(UUID[]::new);
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (var statement = con.prepareStatement(
                    "UPDATE experiment SET archived = ?, version = version + 1 WHERE id = ANY(?) AND archived <> ?")) {
                statement.setBoolean(1, archived);
                statement.setArray(2, con.createArrayOf("uuid", ids));
                statement.setBoolean(3, archived);
                return statement.executeUpdate();
            }
        });
    }

    private static ExperimentRow experiment(ResultSet rs) throws SQLException {
        return new ExperimentRow(Jdbc.uuid(rs, "id"), rs.getInt("number"),
                ExperimentStatus.valueOf(rs.getString("status")), StopReason.fromCode(rs.getString("stop_reason")),
                Jdbc.nullableLong(rs, "max_iteration"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "ended_at"),
                Jdbc.instant(rs, "worker_lease_expires_at"), rs.getBoolean("completion_notified"),
                rs.getBoolean("archived"), rs.getInt("retries"));
    }

    private static StudyRow study(ResultSet rs) throws SQLException {
        Double period = Jdbc.nullableDouble(rs, "report_period_minutes");
        return new StudyRow(Jdbc.uuid(rs, "id"), rs.getString("name"), Jdbc.uuid(rs, "base_experiment_id"),
                StudyStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getString("space"),
                rs.getString("objectives"), rs.getString("strategy_name"), rs.getString("strategy_settings"),
                rs.getString("strategy_state"), rs.getLong("seed"), rs.getString("early_stopping"),
                rs.getString("limits"), rs.getString("backend"), rs.getString("execution_queue"),
                Jdbc.nullableInt(rs, "save_top_k_only"), rs.getString("spawn_project"), period == null ? 5.0 : period,
                rs.getString("job_complete_callback_url"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "deadline"), rs.getInt("experiments_created"), Jdbc.instant(rs, "last_report_at"),
                rs.getString("lease_owner"), Jdbc.instant(rs, "lease_expires_at"));
    }
}
