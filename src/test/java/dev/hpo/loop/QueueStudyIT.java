package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Queue-backend studies driven end to end by concurrent HTTP workers. */
class QueueStudyIT {

    private static TestApp app;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startService() {
        app = TestApp.start(TestDatabase.newDatabase());
        jdbc = app.jdbc();
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void concurrentWorkersFindTheBestPointOfAKnownFunctionNeverExceedingTheConcurrency() {
        // given a grid study over 81 points with at most 4 experiments at once, and 6 HTTP workers
        String base = app.http.createBaseExperiment("quadratic");
        Map<String, Object> definition = Studies.quadratic(base, "q-best", "grid", 1);
        definition.put("maxConcurrentExperiments", 4);
        definition.put("totalMaxJobs", 100);
        String study = app.createStudy(definition);

        // when it runs to its end
        try (Workers workers = new Workers(app.http, "q-best", 6, Studies.quadraticJob(3, 0))) {
            app.start(study, null);
            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(Studies.status(jdbc, study)));
            assertThat(workers.errors).hasValue(0);
        }

        // then the grid was used up, the best point is the function's minimum, and never more than 4 were active
        assertThat(Studies.status(jdbc, study)).isEqualTo("COMPLETED");
        assertThat(Studies.statusReason(jdbc, study)).isEqualTo("strategy_exhausted");
        assertThat(Studies.count(jdbc, study)).isEqualTo(81);
        assertThat(Studies.maxActiveAtOnce(jdbc, study)).isLessThanOrEqualTo(4);
        JsonNode best = report(study).get("best");
        assertThat(best.get("parameters").get("x").asDouble()).isEqualTo(0.25);
        assertThat(best.get("parameters").get("y").asDouble()).isEqualTo(-0.5);
        assertThat(best.get("objectiveValues").get(0).asDouble()).isEqualTo(0.0);
        assertThat(report(study).get("counters").get("completed").asInt()).isEqualTo(81);
    }

    @Test
    void stopsCreatingAtTheJobBudgetAndCompletes() {
        // given a random study allowed 12 experiments, 3 at a time
        String base = app.http.createBaseExperiment("budget");
        Map<String, Object> definition = Studies.quadratic(base, "q-budget", "random", 7);
        definition.put("maxConcurrentExperiments", 3);
        definition.put("totalMaxJobs", 12);
        String study = app.createStudy(definition);

        try (Workers workers = new Workers(app.http, "q-budget", 5, Studies.quadraticJob(2, 0))) {
            app.start(study, null);
            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(Studies.status(jdbc, study)));
        }

        assertThat(Studies.status(jdbc, study)).isEqualTo("COMPLETED");
        assertThat(Studies.statusReason(jdbc, study)).isEqualTo("job_budget");
        assertThat(Studies.count(jdbc, study)).isEqualTo(12);
        assertThat(Studies.maxActiveAtOnce(jdbc, study)).isLessThanOrEqualTo(3);
        assertThat(Studies.outcomes(jdbc, study)).containsOnly("COMPLETED/-");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT parameters) FROM experiment WHERE study_id = ?::uuid",
                Integer.class, study)).isEqualTo(12);
    }

    @Test
    void keepsOnlyTheTopKUnarchived() {
        // given a grid study over a 3x3 lattice that keeps the top 2
        String base = app.http.createBaseExperiment("topk");
        Map<String, Object> definition = Studies.quadratic(base, "q-topk", "grid", 1);
        definition.put("parameters", java.util.List.of(
                Map.of("type", "uniform", "name", "x", "min", -0.75, "max", 0.25, "step", 0.5),
                Map.of("type", "uniform", "name", "y", "min", -1.0, "max", 0.0, "step", 0.5)));
        definition.put("saveTopKOnly", 2);
        String study = app.createStudy(definition);

        // a loss without ties on this lattice: the best two are (0.25, -0.5) and (-0.25, -0.5)
        Workers.Job job = new Workers.Job(Studies.TITLE, Studies.SERIES, 1, 0, p -> {
            double x = p.get("x").asDouble();
            double y = p.get("y").asDouble();
            return (x - 0.25) * (x - 0.25) + 3 * (y + 0.5) * (y + 0.5) + 0.1 * x;
        });
        try (Workers workers = new Workers(app.http, "q-topk", 2, job)) {
            app.start(study, null);
            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(Studies.status(jdbc, study)));
        }

        // then the two best are kept and the other seven archived
        assertThat(jdbc.queryForList("SELECT parameters::text FROM experiment WHERE study_id = ?::uuid AND NOT archived",
                String.class, study)).containsExactlyInAnyOrder("{\"x\": 0.25, \"y\": -0.5}", "{\"x\": -0.25, \"y\": -0.5}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM experiment WHERE study_id = ?::uuid AND archived",
                Integer.class, study)).isEqualTo(7);
    }

    private static JsonNode report(String study) {
        return JsonMapper.builder().build().readTree(
                jdbc.queryForObject("SELECT report::text FROM study WHERE id = ?::uuid", String.class, study));
    }
}
