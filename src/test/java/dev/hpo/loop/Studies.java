package dev.hpo.loop;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/** Study definitions and database read-outs shared by the loop's tests. */
public final class Studies {

    public static final String TITLE = "validation";
    public static final String SERIES = "loss";

    private Studies() {
    }

    /** Two stepped uniform parameters x, y in [-1, 1] (9 values each), one objective validation/loss (min). */
    public static Map<String, Object> quadratic(String baseId, String queue, String strategy, long seed) {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("name", "loop-" + strategy + "-" + queue);
        study.put("baseExperimentId", baseId);
        study.put("parameters", List.of(
                Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0, "step", 0.25),
                Map.of("type", "uniform", "name", "y", "min", -1.0, "max", 1.0, "step", 0.25)));
        study.put("objectives", List.of(Map.of("title", TITLE, "series", SERIES, "sign", "min")));
        study.put("strategy", Map.of("name", strategy, "seed", seed, "settings", Map.of()));
        study.put("backend", "queue");
        study.put("executionQueue", queue);
        study.put("maxConcurrentExperiments", 2);
        return study;
    }

    /** (x - 0.25)^2 + (y + 0.5)^2: its minimum on the lattice is at x = 0.25, y = -0.5. */
    public static double quadraticLoss(JsonNode parameters) {
        double x = parameters.get("x").asDouble();
        double y = parameters.get("y").asDouble();
        return (x - 0.25) * (x - 0.25) + (y + 0.5) * (y + 0.5);
    }

    public static Workers.Job quadraticJob(int iterations, long pauseNanos) {
        return new Workers.Job(TITLE, SERIES, iterations, pauseNanos, Studies::quadraticLoss);
    }

    public static String status(JdbcTemplate jdbc, String studyId) {
        return jdbc.queryForObject("SELECT status FROM study WHERE id = ?::uuid", String.class, studyId);
    }

    public static String statusReason(JdbcTemplate jdbc, String studyId) {
        return jdbc.queryForObject("SELECT status_reason FROM study WHERE id = ?::uuid", String.class, studyId);
    }

    public static int count(JdbcTemplate jdbc, String studyId) {
        return jdbc.queryForObject("SELECT count(*) FROM experiment WHERE study_id = ?::uuid", Integer.class, studyId);
    }

    /** status/stop_reason of each experiment, in number order. */
    public static List<String> outcomes(JdbcTemplate jdbc, String studyId) {
        return jdbc.queryForList("SELECT status || '/' || coalesce(stop_reason, '-') FROM experiment "
                + "WHERE study_id = ?::uuid ORDER BY number", String.class, studyId);
    }

    /** The largest number of experiments of the study that were active (created, not yet ended) at one time. */
    public static int maxActiveAtOnce(JdbcTemplate jdbc, String studyId) {
        List<long[]> events = new ArrayList<>();
        jdbc.query("SELECT created_at, ended_at FROM experiment WHERE study_id = ?::uuid", rs -> {
            events.add(new long[] {micros(rs.getObject(1, OffsetDateTime.class)), +1});
            OffsetDateTime ended = rs.getObject(2, OffsetDateTime.class);
            if (ended != null) {
                events.add(new long[] {micros(ended), -1});
            }
        }, studyId);
        // ends before starts at the same instant: a slot freed and refilled in one tick is not an overlap
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int active = 0;
        int max = 0;
        for (long[] event : events) {
            active += (int) event[1];
            max = Math.max(max, active);
        }
        return max;
    }

    /** Parameters of the experiments in creation order, as JSON text. */
    public static List<String> parameterSequence(JdbcTemplate jdbc, String studyId) {
        return jdbc.queryForList("SELECT parameters::text FROM experiment WHERE study_id = ?::uuid ORDER BY number",
                String.class, studyId);
    }

    private static long micros(OffsetDateTime time) {
        return time.toInstant().getEpochSecond() * 1_000_000 + time.toInstant().getNano() / 1000;
    }
}
