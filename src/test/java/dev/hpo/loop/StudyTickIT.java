package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;

/**
 * The loop against rows alone, with no REST layer in between: a study row set RUNNING is picked up, filled to
 * its concurrency, refilled as experiments end, and completed at its budget with one event per experiment.
 * Workers are played by SQL updates, as the worker protocol would leave the rows.
 */
class StudyTickIT {

    private static TestApp app;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startService() {
        app = TestApp.start(TestDatabase.newDatabase(), "hpo.loop.replica-id=tick-it");
        jdbc = app.jdbc();
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void drivesARunningStudyRowToItsBudget() {
        // given a running random study of 5 experiments, 2 at a time
        UUID study = insertRunningStudy("random", 2, 5);

        // when the loop picks it up, it creates two experiments and holds the study's lease
        await().atMost(Duration.ofSeconds(10)).until(() -> active(study) == 2);
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM study WHERE id = ?", String.class, study))
                .isEqualTo("tick-it");
        assertThat(jdbc.queryForList("SELECT name FROM experiment WHERE study_id = ? ORDER BY number", String.class, study))
                .allMatch(name -> name.startsWith("base: x="));

        // and as "workers" complete experiments, it refills the slots until the budget is used
        for (int round = 0; round < 10 && !"COMPLETED".equals(status(study)); round++) {
            for (UUID id : jdbc.queryForList("SELECT id FROM experiment WHERE study_id = ? AND status = 'QUEUED'",
                    UUID.class, study)) {
                completeWithLoss(study, id, 0.5);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> active(study) > 0 || "COMPLETED".equals(status(study)));
        }

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(status(study)));
        assertThat(jdbc.queryForObject("SELECT status_reason FROM study WHERE id = ?", String.class, study))
                .isEqualTo("job_budget");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM experiment WHERE study_id = ?", Integer.class, study))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM job_complete_event WHERE study_id = ?", Integer.class, study))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM study WHERE id = ?", String.class, study)).isNull();
        assertThat(jdbc.queryForObject("SELECT report->'counters'->>'completed' FROM study WHERE id = ?", String.class,
                study)).isEqualTo("5");
    }

    @Test
    void failsTheStudyWithTheReasonWhenItsDefinitionCannotBeUsed() {
        UUID study = insertRunningStudy("no-such-strategy", 2, 5);

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(study)));

        assertThat(jdbc.queryForObject("SELECT status_reason FROM study WHERE id = ?", String.class, study))
                .contains("no-such-strategy");
    }

    private UUID insertRunningStudy(String strategy, int concurrency, int jobs) {
        UUID base = UUID.randomUUID();
        jdbc.update("INSERT INTO base_experiment (id, name, project, parameters, created_at) "
                + "VALUES (?, 'base', 'p', '{\"epochs\": 3}', now())", base);
        UUID study = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO study (id, name, base_experiment_id, space, objectives, strategy_name, seed, backend,
                                   execution_queue, limits, status, created_at, started_at)
                VALUES (?, 'tick', ?, ?::jsonb, ?::jsonb, ?, 1, 'queue', 'q-tick',
                        jsonb_build_object('maxConcurrentExperiments', ?, 'totalMaxJobs', ?), 'RUNNING', now(), now())
                """, study, base,
                "[{\"type\": \"uniform\", \"name\": \"x\", \"min\": 0, \"max\": 1}]",
                "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]", strategy, concurrency, jobs);
        return study;
    }

    private void completeWithLoss(UUID study, UUID experiment, double loss) {
        jdbc.update("""
                INSERT INTO metric_summary (experiment_id, study_id, title, series, last_value, last_iteration,
                                            min_value, max_value, count)
                VALUES (?, ?, 'validation', 'loss', ?, 0, ?, ?, 1)
                """, experiment, study, loss, loss, loss);
        jdbc.update("UPDATE experiment SET status = 'COMPLETED', started_at = now(), ended_at = now(), "
                + "version = version + 1 WHERE id = ?", experiment);
    }

    private int active(UUID study) {
        return jdbc.queryForObject("SELECT count(*) FROM experiment WHERE study_id = ? AND status IN ('QUEUED', 'RUNNING')",
                Integer.class, study);
    }

    private String status(UUID study) {
        return jdbc.queryForObject("SELECT status FROM study WHERE id = ?", String.class, study);
    }

    @SuppressWarnings("unused")
    private List<String> outcomes(UUID study) {
        return jdbc.queryForList("SELECT status FROM experiment WHERE study_id = ?", String.class, study);
    }
}
