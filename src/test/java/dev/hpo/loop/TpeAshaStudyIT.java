package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/** A model-based study pruned by successive halving, driven end to end by concurrent HTTP workers. */
class TpeAshaStudyIT {

    private static final int LAST_ITERATION = 27;
    private static final int MAX_JOBS = 30;
    private static final int CONCURRENCY = 4;

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

    /**
     * A learning curve that falls with every iteration towards a final loss set by x and y:
     * {@code (x - 0.25)^2 + (y + 0.5)^2 + 1.5 / iteration}. Strictly decreasing, so a run cut short never reports
     * a value as good as it would have reached, and the rung order predicts the final order.
     */
    static double learningCurve(JsonNode parameters, long iteration) {
        return Studies.quadraticLoss(parameters) + 1.5 / iteration;
    }

    @Test
    void tpeWithAshaPrunesExperimentsAndTheBestRanToTheLastIteration() {
        // given a tpe study over a continuous x, y with asha on rungs 1, 3, 9 below 27 iterations, 4 at a time
        String base = app.http.createBaseExperiment("tpe-asha");
        Map<String, Object> definition = Studies.quadratic(base, "q-tpe-asha", "tpe", 7);
        definition.put("parameters", List.of(
                Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0),
                Map.of("type", "uniform", "name", "y", "min", -1.0, "max", 1.0)));
        definition.put("strategy", Map.of("name", "tpe", "seed", 7, "settings", Map.of("startupTrials", 5)));
        definition.put("earlyStopping", Map.of("rule", "asha", "settings", Map.of("reductionFactor", 3)));
        definition.put("minIterationPerJob", 1);
        definition.put("maxIterationPerJob", LAST_ITERATION);
        definition.put("maxConcurrentExperiments", CONCURRENCY);
        definition.put("totalMaxJobs", MAX_JOBS);
        String study = app.createStudy(definition);

        // when 4 HTTP workers run it, one report per iteration (10 ms apart, so the service can judge the rungs
        // before a worker has run past them) and stopping when told
        Workers.Job job = Workers.Job.learningCurve(Studies.TITLE, Studies.SERIES, LAST_ITERATION, 10_000_000L,
                TpeAshaStudyIT::learningCurve);
        try (Workers workers = new Workers(app.http, "q-tpe-asha", CONCURRENCY, job)) {
            app.start(study, null);
            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(Studies.status(jdbc, study)));
            assertThat(workers.errors).hasValue(0);
            // then the workers were told to stop the pruned ones
            assertThat(workers.stopped.get()).isPositive();
        }

        // then the study used its budget, some experiments were pruned and the rest ran to their end
        assertThat(Studies.status(jdbc, study)).isEqualTo("COMPLETED");
        List<String> outcomes = Studies.outcomes(jdbc, study);
        assertThat(outcomes).hasSizeLessThanOrEqualTo(MAX_JOBS)
                .contains("ABORTED/pruned")
                .allMatch(o -> o.equals("ABORTED/pruned") || o.startsWith("COMPLETED/"), "pruned or completed");
        assertThat(outcomes).anyMatch(o -> o.startsWith("COMPLETED/"));
        assertThat(Studies.maxActiveAtOnce(jdbc, study)).isLessThanOrEqualTo(CONCURRENCY);

        // and the best experiment ran to the last iteration and completed
        JsonNode top = app.http.get("/api/v1/studies/" + study + "/top-experiments?topK=1").requireOk().json();
        assertThat(top).hasSize(1);
        JsonNode best = top.get(0);
        assertThat(best.get("iteration").asLong()).isEqualTo(LAST_ITERATION);
        assertThat(best.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(best.get("objectiveValues").get(0).asDouble())
                .isEqualTo(learningCurve(best.get("parameters"), LAST_ITERATION), within(1e-9));
    }
}
