package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/** A user aborts one experiment over HTTP: its worker is told stop, the slot is refilled; bad requests are refused. */
class AbortExperimentIT {

    private static TestApp app;

    @BeforeAll
    static void startService() {
        app = TestApp.start(TestDatabase.newDatabase());
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void abortingARunningExperimentStopsItsWorkerAndRefillsTheSlot() {
        // given a running study with one slot, whose experiment a worker holds
        String study = runningStudy("q-abort-running");
        JsonNode leased = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-abort-running", "w1"), e -> e != null);
        String experiment = leased.get("id").asString();
        assertThat(app.http.report(experiment, Studies.TITLE, Studies.SERIES, 0, 0.5)).isEqualTo("continue");

        // when the user aborts it
        Http.Answer answer = app.http.post("/api/v1/experiments/" + experiment + "/abort", null);

        // then it is ABORTED by the user, its worker is told stop, and a new experiment takes the slot
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("ABORTED");
        assertThat(answer.json().get("stopReason").asString()).isEqualTo("stopped_by_user");
        assertThat(app.http.report(experiment, Studies.TITLE, Studies.SERIES, 1, 0.4)).isEqualTo("stop");
        assertThat(app.http.heartbeat(experiment, "w1").json().get("action").asString()).isEqualTo("stop");
        await().atMost(Duration.ofSeconds(10)).until(() -> Studies.count(app.jdbc(), study) == 2);
        JsonNode next = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-abort-running", "w2"), e -> e != null);
        assertThat(next.get("id").asString()).isNotEqualTo(experiment);
        assertThat(Studies.status(app.jdbc(), study)).isEqualTo("RUNNING");
    }

    @Test
    void abortingAQueuedExperimentKeepsWorkersFromLeasingIt() {
        // given a running study whose first experiment waits in its queue
        String study = runningStudy("q-abort-queued");
        await().atMost(Duration.ofSeconds(10)).until(() -> Studies.count(app.jdbc(), study) == 1);
        String experiment = app.jdbc().queryForObject(
                "SELECT id::text FROM experiment WHERE study_id = ?::uuid AND number = 0", String.class, study);

        // when the user aborts it before any worker leased it
        Http.Answer answer = app.http.post("/api/v1/experiments/" + experiment + "/abort", null);

        // then the next lease hands out the experiment that replaced it
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("ABORTED");
        JsonNode next = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-abort-queued", "w1"), e -> e != null);
        assertThat(next.get("id").asString()).isNotEqualTo(experiment);
    }

    @Test
    void abortingTwiceAnswersTheSameAbortedExperiment() {
        // given an experiment the user already aborted
        runningStudy("q-abort-twice");
        JsonNode leased = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-abort-twice", "w1"), e -> e != null);
        String experiment = leased.get("id").asString();
        JsonNode first = app.http.post("/api/v1/experiments/" + experiment + "/abort", null).requireOk().json();

        // when it is aborted again
        Http.Answer again = app.http.post("/api/v1/experiments/" + experiment + "/abort", null);

        // then it is answered unchanged
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("ABORTED");
        assertThat(again.json().get("endedAt").asString()).isEqualTo(first.get("endedAt").asString());
    }

    @Test
    void abortingACompletedExperimentIsAConflict() {
        // given an experiment its worker completed
        runningStudy("q-abort-done");
        JsonNode leased = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-abort-done", "w1"), e -> e != null);
        String experiment = leased.get("id").asString();
        app.http.report(experiment, Studies.TITLE, Studies.SERIES, 0, 0.5);
        app.http.complete(experiment).requireOk();

        // when the user aborts it
        Http.Answer answer = app.http.post("/api/v1/experiments/" + experiment + "/abort", null);

        // then it is a 409 problem and the experiment stays COMPLETED
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("status").asInt()).isEqualTo(409);
        assertThat(answer.json().get("currentStatus").asString()).isEqualTo("COMPLETED");
        assertThat(answer.json().get("title")).isNotNull();
        assertThat(app.jdbc().queryForObject("SELECT status FROM experiment WHERE id = ?::uuid", String.class,
                experiment)).isEqualTo("COMPLETED");
    }

    @Test
    void abortingAFailedExperimentIsAConflict() {
        // given an experiment its worker failed
        runningStudy("q-abort-failed");
        JsonNode leased = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.http.lease("q-abort-failed", "w1"), e -> e != null);
        String experiment = leased.get("id").asString();
        app.http.post("/api/v1/experiments/" + experiment + "/fail", Map.of("message", "boom")).requireOk();

        // when the user aborts it, then it is a 409 problem
        assertThat(app.http.post("/api/v1/experiments/" + experiment + "/abort", null).status()).isEqualTo(409);
    }

    @Test
    void abortingAnUnknownExperimentIsNotFound() {
        Http.Answer answer = app.http.post("/api/v1/experiments/" + UUID.randomUUID() + "/abort", null);

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void abortingAMalformedIdIsABadRequest() {
        Http.Answer answer = app.http.post("/api/v1/experiments/not-a-uuid/abort", null);

        assertThat(answer.status()).isEqualTo(400);
    }

    private static String runningStudy(String queue) {
        Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment(queue), queue, "random", 5);
        definition.put("maxConcurrentExperiments", 1);
        String study = app.createStudy(definition);
        app.start(study, null);
        return study;
    }
}
