package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A study's {@code maxRetriesPerExperiment}: an experiment whose worker goes silent is queued again with the same
 * parameters (same experiment, scalars of the lost attempt dropped) instead of failing as {@code worker_lost}.
 */
class RetryLostExperimentIT {

    private static TestApp app;

    @BeforeAll
    static void startService() {
        app = TestApp.start(TestDatabase.newDatabase(), "hpo.worker.lease-timeout=1s");
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void aLostExperimentIsLeasedAgainAndItsRetryGivesTheStudyResult() {
        // given a one-experiment study that retries a lost experiment once, leased by a worker that reports a
        // point and then goes silent
        String study = startedStudy("q-retry", 1);
        JsonNode first = await().atMost(Duration.ofSeconds(10)).until(() -> app.http.lease("q-retry", "silent"), e -> e != null);
        String experiment = first.get("id").asString();
        assertThat(app.http.report(experiment, Studies.TITLE, Studies.SERIES, 0, 99.0)).isEqualTo("continue");

        // when its lease runs out, another worker leases it again
        JsonNode second = await().atMost(Duration.ofSeconds(15)).until(() -> app.http.lease("q-retry", "rescuer"),
                e -> e != null);

        // then it is the same experiment with the same parameters, retried once, without the lost attempt's points
        assertThat(second.get("id").asString()).isEqualTo(experiment);
        assertThat(second.get("parameters")).isEqualTo(first.get("parameters"));
        JsonNode read = app.http.get("/api/v1/experiments/" + experiment).requireOk().json();
        assertThat(read.get("retries").asInt()).isEqualTo(1);
        assertThat(read.get("status").asString()).isEqualTo("RUNNING");
        assertThat(read.get("workerId").asString()).isEqualTo("rescuer");
        assertThat(read.get("metrics")).isEmpty();
        assertThat(read.get("scalars")).isEmpty();
        // and the silent worker, coming back, is told to stop
        assertThat(app.http.heartbeat(experiment, "silent").json().get("action").asString()).isEqualTo("stop");

        // when the retry completes with its own result
        double value = Studies.quadraticLoss(second.get("parameters"));
        assertThat(app.http.report(experiment, Studies.TITLE, Studies.SERIES, 0, value)).isEqualTo("continue");
        app.http.complete(experiment).requireOk();

        // then the study completes with that one experiment and that result
        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(Studies.status(app.jdbc(), study)));
        assertThat(Studies.outcomes(app.jdbc(), study)).containsExactly("COMPLETED/-");
        JsonNode top = app.http.get("/api/v1/studies/" + study + "/top-experiments?topK=1").requireOk().json();
        assertThat(top).hasSize(1);
        assertThat(top.get(0).get("id").asString()).isEqualTo(experiment);
        assertThat(top.get(0).get("objectiveValues").get(0).asDouble()).isEqualTo(value);
    }

    @Test
    void anExperimentLostMoreOftenThanItsRetriesFailsAsWorkerLost() {
        // given a study that retries once, whose experiment is lost by two silent workers in turn
        String study = startedStudy("q-retry-twice", 1);
        String experiment = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-retry-twice", "silent-1"), e -> e != null).get("id").asString();
        JsonNode again = await().atMost(Duration.ofSeconds(15))
                .until(() -> app.http.lease("q-retry-twice", "silent-2"), e -> e != null);
        assertThat(again.get("id").asString()).isEqualTo(experiment);

        // when the second worker's lease runs out too, then it fails as worker_lost and the job budget ends the study
        await().atMost(Duration.ofSeconds(15)).until(() -> "COMPLETED".equals(Studies.status(app.jdbc(), study)));
        assertThat(Studies.outcomes(app.jdbc(), study)).containsExactly("FAILED/worker_lost");
        assertThat(app.jdbc().queryForObject("SELECT retries FROM experiment WHERE id = ?::uuid", Integer.class,
                experiment)).isEqualTo(1);
    }

    @Test
    void withoutRetriesALostExperimentFailsAsBefore() {
        // given a study with maxRetriesPerExperiment 0, leased by a worker that goes silent
        String study = startedStudy("q-no-retry", 0);
        String experiment = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-no-retry", "silent"), e -> e != null).get("id").asString();

        // when its lease runs out, then it fails as worker_lost, counts towards the budget, and is never leased again
        await().atMost(Duration.ofSeconds(15)).until(() -> "COMPLETED".equals(Studies.status(app.jdbc(), study)));
        assertThat(Studies.outcomes(app.jdbc(), study)).containsExactly("FAILED/worker_lost");
        assertThat(Studies.statusReason(app.jdbc(), study)).isEqualTo("job_budget");
        assertThat(app.http.lease("q-no-retry", "late")).isNull();
        assertThat(app.http.heartbeat(experiment, "silent").status()).isEqualTo(409);
        // a late report of the lost worker is told to stop, and changes nothing
        assertThat(app.http.report(experiment, Studies.TITLE, Studies.SERIES, 1, 0.5)).isEqualTo("stop");
        assertThat(Studies.outcomes(app.jdbc(), study)).containsExactly("FAILED/worker_lost");
    }

    @Test
    void rejectsANegativeRetryCountNamingTheField() {
        Map<String, Object> definition = definition("q-retry-bad");
        definition.put("maxRetriesPerExperiment", -1);

        Http.Answer answer = app.http.post("/api/v1/studies", definition);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").toString()).contains("maxRetriesPerExperiment");
    }

    @Test
    void rejectsAFractionalRetryCount() {
        Map<String, Object> definition = definition("q-retry-frac");
        definition.put("maxRetriesPerExperiment", 1.5);

        Http.Answer answer = app.http.post("/api/v1/studies", definition);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("maxRetriesPerExperiment");
    }

    @Test
    void aStudyShowsItsRetrySettingAndDefaultsToOneRetry() {
        Map<String, Object> withRetries = definition("q-retry-shown");
        withRetries.put("maxRetriesPerExperiment", 3);

        JsonNode created = app.http.get("/api/v1/studies/" + app.createStudy(withRetries)).requireOk().json();
        JsonNode plain = app.http.get("/api/v1/studies/" + app.createStudy(definition("q-retry-plain"))).requireOk().json();

        assertThat(created.get("maxRetriesPerExperiment").asInt()).isEqualTo(3);
        assertThat(plain.get("maxRetriesPerExperiment").asInt()).isEqualTo(1);
    }

    private static Map<String, Object> definition(String queue) {
        Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment(queue), queue, "random", 5);
        definition.put("maxConcurrentExperiments", 1);
        definition.put("totalMaxJobs", 1);
        return definition;
    }

    private static String startedStudy(String queue, int maxRetries) {
        Map<String, Object> definition = definition(queue);
        definition.put("maxRetriesPerExperiment", maxRetries);
        String study = app.createStudy(definition);
        app.start(study, null);
        return study;
    }
}
