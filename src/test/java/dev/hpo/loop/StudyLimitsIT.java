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

/**
 * What the limits of a study do through the whole service (HTTP workers, PostgreSQL): the iteration budget stored and
 * enforced on real reports, a stop request through the API, the median rule on real scalars, the stored report. Each
 * limit's decision on its own (deadline, compute time, time per job, ...) is a unit test in {@link TickDeciderTest}.
 */
class StudyLimitsIT {

    /** Workers that would run for minutes: one report every 50 ms for 10,000 iterations. */
    private static final Workers.Job SLOW = Studies.quadraticJob(10_000, 50_000_000L);

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

    private String study(String queue, String strategy, Map<String, Object> limits) {
        Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment(queue), queue, strategy, 3);
        definition.putAll(limits);
        return app.createStudy(definition);
    }

    private void runUntilEnded(String study, String queue, int workers, Workers.Job job) {
        try (Workers running = new Workers(app.http, queue, workers, job)) {
            app.start(study, null);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                String status = Studies.status(jdbc, study);
                return !"RUNNING".equals(status) && !"STOPPING".equals(status);
            });
        }
    }

    @Test
    void maxIterationPerJobEndsEachExperimentAsCompleted() {
        // workers would report 10,000 iterations; the study gives each 5
        String study = study("q-iter", "random", Map.of("maxIterationPerJob", 5, "totalMaxJobs", 3));

        runUntilEnded(study, "q-iter", 2, Studies.quadraticJob(10_000, 2_000_000L));

        assertThat(Studies.status(jdbc, study)).isEqualTo("COMPLETED");
        assertThat(Studies.outcomes(jdbc, study)).hasSize(3).containsOnly("COMPLETED/iteration_limit");
        assertThat(jdbc.queryForList("SELECT max_iteration FROM experiment WHERE study_id = ?::uuid", Long.class, study))
                .containsOnly(5L);
        // ended at the budget, not at the workers' 10,000
        assertThat(jdbc.queryForObject("""
                SELECT max(last_iteration) FROM metric_summary WHERE study_id = ?::uuid
                """, Long.class, study)).isLessThan(200L);
    }

    @Test
    void stopRequestAbortsActiveExperimentsAndStopsTheStudy() {
        String study = study("q-stop", "random", Map.of());
        try (Workers running = new Workers(app.http, "q-stop", 2, SLOW)) {
            app.start(study, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM experiment WHERE study_id = ?::uuid AND status = 'RUNNING'", Integer.class, study) == 2);

            app.stop(study);

            await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(Studies.status(jdbc, study)));
            await().atMost(Duration.ofSeconds(10)).until(() -> running.stopped.get() == 2);
        }
        assertThat(Studies.statusReason(jdbc, study)).isEqualTo("stopped_by_user");
        assertThat(Studies.outcomes(jdbc, study)).hasSize(2).containsOnly("ABORTED/study_stopped");
    }

    @Test
    void medianRuleStopsExperimentsWorseThanTheMedianAsPruned() {
        // given a grid study whose loss grows with each experiment and a median rule after two experiments (at an iteration)
        Map<String, Object> limits = Map.of("maxConcurrentExperiments", 1, "totalMaxJobs", 9,
                "earlyStopping", Map.of("rule", "median", "settings", Map.of("startupTrials", 2, "minTrialsAtIteration", 2)));
        String study = study("q-median", "grid", limits);
        Workers.Job worseLater = new Workers.Job(Studies.TITLE, Studies.SERIES, 20, 5_000_000L,
                p -> 10 + p.get("y").asDouble() * 5);

        runUntilEnded(study, "q-median", 1, worseLater);

        assertThat(Studies.outcomes(jdbc, study)).contains("ABORTED/pruned");
        assertThat(Studies.outcomes(jdbc, study).subList(0, 2)).containsOnly("COMPLETED/-");
    }

    @Test
    void writesAReportWithCountersRemainingBudgetAndTopK() {
        String study = study("q-report", "random", Map.of("totalMaxJobs", 4, "reportPeriodMinutes", 0.01));

        runUntilEnded(study, "q-report", 2, Studies.quadraticJob(2, 0));

        String report = jdbc.queryForObject("SELECT report::text FROM study WHERE id = ?::uuid", String.class, study);
        assertThat(report).contains("\"completed\": 4", "\"jobsPercent\": 0.0", "\"topK\"", "\"best\"", "\"status\": \"COMPLETED\"");
    }
}
