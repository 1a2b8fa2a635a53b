package dev.hpo.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes experiments of a study straight into the tables, as the loop and workers would have left them (rows
 * of experiment, scalar and metric_summary), so that read-side tests can have hundreds of them quickly.
 */
public final class Trials {

    /** One experiment to write: its parameters, status and stop reason, and its points of one metric (may be empty). */
    public record Trial(Map<String, Object> parameters, String status, String stopReason, double... points) {
    }

    private Trials() {
    }

    /** Writes the trials as experiments 0, 1, ... of the study with points of title/series; returns their ids. */
    public static List<UUID> write(JdbcTemplate jdbc, String studyId, String title, String series, List<Trial> trials) {
        List<UUID> ids = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        int first = jdbc.queryForObject("select experiments_created from study where id = ?::uuid", Integer.class, studyId);
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            int number = first + i;
            Instant created = start.plusSeconds(number * 10L);
            boolean started = !"QUEUED".equals(t.status());
            boolean ended = started && !"RUNNING".equals(t.status());
            jdbc.update("""
                    insert into experiment (id, study_id, number, name, project, parameters, status, stop_reason, queue,
                        worker_id, created_at, started_at, ended_at)
                    values (?, ?::uuid, ?, ?, 'demo', ?::jsonb, ?, ?, 'q', ?, ?, ?, ?)""",
                    id, studyId, number, "train #" + number, Http.JSON.writeValueAsString(t.parameters()), t.status(),
                    t.stopReason(), started ? "worker-" + (number % 3) : null, Timestamp.from(created),
                    started ? Timestamp.from(created.plusSeconds(1)) : null,
                    ended ? Timestamp.from(created.plusSeconds(1).plusMillis(1500 + number)) : null);
            double[] points = t.points();
            for (int p = 0; p < points.length; p++) {
                jdbc.update("insert into scalar (experiment_id, title, series, iteration, value, reported_at) "
                        + "values (?, ?, ?, ?, ?, ?)", id, title, series, p, points[p], Timestamp.from(created));
            }
            if (points.length > 0) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double v : points) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                jdbc.update("""
                        insert into metric_summary (experiment_id, study_id, title, series, last_value, last_iteration,
                            min_value, max_value, count) values (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?)""",
                        id, studyId, title, series, points[points.length - 1], points.length - 1, min, max,
                        points.length);
            }
        }
        jdbc.update("update study set experiments_created = ? where id = ?::uuid", first + trials.size(), studyId);
        return ids;
    }
}
