package dev.hpo.loop;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

/** Until the study endpoints land: writes a study row from the same definition the REST API takes. */
final class InterimStudyRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InterimStudyRows() {
    }

    @SuppressWarnings("unchecked")
    static String create(JdbcTemplate jdbc, Map<String, Object> d) {
        UUID id = UUID.randomUUID();
        Map<String, Object> strategy = (Map<String, Object>) d.get("strategy");
        jdbc.update("""
                INSERT INTO study (id, name, base_experiment_id, space, objectives, strategy_name, strategy_settings,
                                   seed, early_stopping, backend, execution_queue, max_concurrent_experiments,
                                   total_max_jobs, optimization_time_limit_minutes, compute_time_limit_minutes,
                                   time_limit_per_job_minutes, min_iteration_per_job, max_iteration_per_job,
                                   save_top_k_only, report_period_minutes, status, created_at)
                VALUES (?, ?, ?::uuid, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        coalesce(?, 5), 'CREATED', now())
                """, id, d.get("name"), d.get("baseExperimentId"), JSON.writeValueAsString(d.get("parameters")),
                JSON.writeValueAsString(d.get("objectives")), strategy.get("name"),
                JSON.writeValueAsString(strategy.getOrDefault("settings", Map.of())),
                ((Number) strategy.get("seed")).longValue(),
                d.get("earlyStopping") == null ? null : JSON.writeValueAsString(d.get("earlyStopping")),
                d.get("backend"), d.get("executionQueue"), d.get("maxConcurrentExperiments"), d.get("totalMaxJobs"),
                d.get("optimizationTimeLimitMinutes"), d.get("computeTimeLimitMinutes"), d.get("timeLimitPerJobMinutes"),
                d.get("minIterationPerJob"), d.get("maxIterationPerJob"), d.get("saveTopKOnly"),
                d.get("reportPeriodMinutes"));
        return id.toString();
    }

    static void start(JdbcTemplate jdbc, String id, String callbackUrl) {
        jdbc.update("""
                UPDATE study SET status = 'RUNNING', started_at = now(), job_complete_callback_url = ?,
                       deadline = CASE WHEN optimization_time_limit_minutes IS NULL THEN NULL
                                       ELSE now() + optimization_time_limit_minutes * interval '1 minute' END
                 WHERE id = ?::uuid
                """, callbackUrl, id);
    }

    static void stop(JdbcTemplate jdbc, String id) {
        jdbc.update("UPDATE study SET status = 'STOPPING', status_reason = 'stopped_by_user' WHERE id = ?::uuid", id);
    }

    static List<String> unused() {
        return List.of();
    }
}
