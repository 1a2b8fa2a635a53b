package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/** A worker that stops heartbeating loses its experiment, and the slot goes to a new one. */
class WorkerLostIT {

    @Test
    void anExperimentWhoseWorkerStopsHeartbeatingFailsAsWorkerLostWhenTheStudyAllowsNoRetry() {
        try (TestApp app = TestApp.start(TestDatabase.newDatabase(), "hpo.worker.lease-timeout=1s")) {
            // given a running study with one slot, leased by a worker that then goes silent
            Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment("lost"), "q-lost", "random", 5);
            definition.put("maxConcurrentExperiments", 1);
            definition.put("maxRetriesPerExperiment", 0);
            String study = app.createStudy(definition);
            app.start(study, null);
            JsonNode leased = await().atMost(Duration.ofSeconds(10))
                    .until(() -> app.http.lease("q-lost", "silent-worker"), e -> e != null);
            String experiment = leased.get("id").asString();

            // when its lease runs out, the loop fails it and refills the slot
            await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(app.jdbc().queryForObject(
                    "SELECT status FROM experiment WHERE id = ?::uuid", String.class, experiment)));

            // then it failed as worker_lost, a new experiment waits, and the late worker is told to stop
            assertThat(app.jdbc().queryForObject("SELECT stop_reason FROM experiment WHERE id = ?::uuid", String.class,
                    experiment)).isEqualTo("worker_lost");
            await().atMost(Duration.ofSeconds(10)).until(() -> Studies.count(app.jdbc(), study) == 2);
            assertThat(app.http.report(experiment, Studies.TITLE, Studies.SERIES, 1, 0.5)).isEqualTo("stop");
            assertThat(Studies.status(app.jdbc(), study)).isEqualTo("RUNNING");
        }
    }
}
