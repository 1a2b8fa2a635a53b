package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hpo.study.StudyStateChanged;
import dev.hpo.study.StudyStatus;
import dev.hpo.study.StudyTransition;
import dev.hpo.study.StudyWaiters;
import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

import static org.awaitility.Awaitility.await;

class WaitIT extends ApiTestBase {

    @Autowired
    StudyWaiters waiters;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void answersAtOnceForAnEndedStudyAndAfterTheTimeoutForARunningOne() {
        String base = baseExperiment();
        String ended = study(uniqueQueue(), "[{\"title\": \"v\", \"series\": \"l\", \"sign\": \"min\"}]");
        http.post("/api/v1/studies/" + ended + "/stop", null);
        String running = runningStudy(uniqueQueue());

        Http.Answer done = http.get("/api/v1/studies/" + ended + "/wait?timeoutMinutes=10");
        Http.Answer timedOut = http.get("/api/v1/studies/" + running + "/wait?timeoutMinutes=0.005");

        assertThat(base).isNotNull();
        assertThat(done.json().get("finished").asBoolean()).isTrue();
        assertThat(done.json().get("status").asString()).isEqualTo("STOPPED");
        assertThat(timedOut.status()).isEqualTo(200);
        assertThat(timedOut.json().get("finished").asBoolean()).isFalse();
        assertThat(timedOut.json().get("status").asString()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.waiting() == 0);
    }

    @Test
    void wakesWaitersWhenTheStudyEndsHereOrOnAnotherReplica() {
        String here = runningStudy(uniqueQueue());
        String elsewhere = runningStudy(uniqueQueue());
        CompletableFuture<Http.Answer> waitHere = CompletableFuture.supplyAsync(
                () -> new Http(port).get("/api/v1/studies/" + here + "/wait?timeoutMinutes=1"));
        CompletableFuture<Http.Answer> waitElsewhere = CompletableFuture.supplyAsync(
                () -> new Http(port).get("/api/v1/studies/" + elsewhere + "/wait?timeoutMinutes=1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() == 2);

        // This replica's loop ends a study and says so; another replica's end is only in the database.
        endInDatabase(here, StudyStatus.COMPLETED);
        events.publishEvent(new StudyStateChanged(UUID.fromString(here), "COMPLETED"));
        endInDatabase(elsewhere, StudyStatus.STOPPED);

        Http.Answer a = waitHere.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        Http.Answer b = waitElsewhere.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(a.json().get("finished").asBoolean()).isTrue();
        assertThat(a.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(b.json().get("finished").asBoolean()).isTrue();
        assertThat(b.json().get("status").asString()).isEqualTo("STOPPED");
    }

    @Test
    void stopWithATimeoutWaitsForTheLoopToFinishTheStudy() {
        String id = runningStudy(uniqueQueue());
        CompletableFuture<Http.Answer> stop = CompletableFuture.supplyAsync(
                () -> new Http(port).post("/api/v1/studies/" + id + "/stop", "{\"timeoutMinutes\": 1, \"waitForReporter\": true}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "STOPPING".equals(
                jdbc.queryForObject("select status from study where id = ?", String.class, UUID.fromString(id))));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() == 1);

        endInDatabase(id, StudyStatus.STOPPED);

        Http.Answer answer = stop.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("STOPPED");
        assertThat(answer.json().get("statusReason").asString()).isEqualTo("stopped_by_user");
    }

    private void endInDatabase(String id, StudyStatus outcome) {
        // as the loop ends a study: SQL guarded by the lifecycle's transition table
        jdbc.update("UPDATE study SET status = ?, status_reason = COALESCE(status_reason, 'strategy_exhausted'),"
                + " ended_at = now(), version = version + 1 WHERE id = ? AND "
                + StudyTransition.ending(outcome).sqlGuard(), outcome.name(), UUID.fromString(id));
    }
}
