package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;

/** The service stopped in the middle of a study and started again on the same database continues it. */
class RestartIT {

    @Test
    void aRestartedServiceContinuesTheStudyWithNoExperimentLostOrDuplicated() {
        TestDatabase.Target database = TestDatabase.newDatabase();
        String study;
        // given a study half-way through on a first service
        try (TestApp first = TestApp.start(database, "hpo.worker.lease-timeout=2s")) {
            String base = first.http.createBaseExperiment("restart");
            Map<String, Object> definition = Studies.quadratic(base, "q-restart", "random", 11);
            definition.put("maxConcurrentExperiments", 3);
            definition.put("totalMaxJobs", 20);
            study = first.createStudy(definition);
            try (Workers workers = new Workers(first.http, "q-restart", 3, Studies.quadraticJob(3, 5_000_000L))) {
                first.start(study, null);
                await().atMost(Duration.ofSeconds(30)).until(() -> workers.completed.get() >= 6);
            }
            // the workers vanished with experiments in flight; the service goes down now
        }

        // when a new service starts on the same database, with fresh workers
        try (TestApp second = TestApp.start(database, "hpo.worker.lease-timeout=2s");
             Workers workers = new Workers(second.http, "q-restart", 3, Studies.quadraticJob(3, 0))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(Studies.status(second.jdbc(), study)));

            // then the study ends at its budget with every number used once and nothing left active
            assertThat(Studies.status(second.jdbc(), study)).isEqualTo("COMPLETED");
            assertThat(Studies.statusReason(second.jdbc(), study)).isEqualTo("job_budget");
            List<Integer> numbers = second.jdbc().queryForList(
                    "SELECT number FROM experiment WHERE study_id = ?::uuid ORDER BY number", Integer.class, study);
            assertThat(numbers).hasSize(20).doesNotHaveDuplicates();
            assertThat(numbers.get(19)).isEqualTo(19);
            assertThat(Studies.outcomes(second.jdbc(), study)).doesNotContain("QUEUED/-", "RUNNING/-");
            assertThat(second.jdbc().queryForObject(
                    "SELECT count(DISTINCT parameters) FROM experiment WHERE study_id = ?::uuid", Integer.class, study))
                    .isEqualTo(20);
            // every ended experiment got exactly one job-complete event
            assertThat(second.jdbc().queryForObject(
                    "SELECT count(*) FROM job_complete_event WHERE study_id = ?::uuid", Integer.class, study))
                    .isEqualTo(20);
        }
    }
}
