package dev.hpo.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hpo.experiment.ExperimentChanged;
import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

class WorkerProtocolIT extends ApiTestBase {

    @Autowired
    ConfigurableApplicationContext context;

    private static final String LOSS = "{\"title\": \"validation\", \"series\": \"loss\", \"iteration\": %d, \"value\": %s}";

    @Test
    void leasesTheOldestQueuedExperimentWithParametersMergedOverTheBaseDefaults() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        List<UUID> ids = insertExperiments(study, 2, queue);

        Http.Answer leased = http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}");

        assertThat(leased.status()).isEqualTo(200);
        assertThat(leased.json().get("id").asString()).isEqualTo(ids.get(0).toString());
        assertThat(leased.json().get("studyId").asString()).isEqualTo(study);
        assertThat(leased.json().get("parameters").get("x").asDouble()).isEqualTo(0.1);
        assertThat(leased.json().get("parameters").get("General/lr").asDouble()).isEqualTo(0.1);
        assertThat(leased.json().get("maxIteration").asLong()).isEqualTo(10);
        assertThat(leased.json().get("heartbeatIntervalSeconds").asLong()).isEqualTo(20);
        assertThat(jdbc.queryForObject("select status from experiment where id = ?", String.class, ids.get(0)))
                .isEqualTo("RUNNING");
    }

    @Test
    void answersNoContentWhenTheQueueIsEmptyOrItsStudyIsNotRunning() {
        String queue = uniqueQueue();
        String created = study(queue, "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]");
        insertExperiments(created, 1, queue);

        assertThat(http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}").status()).isEqualTo(204);
        assertThat(http.post("/api/v1/queues/" + uniqueQueue() + "/lease", "{\"workerId\": \"w1\"}").status()).isEqualTo(204);
    }

    @Test
    void aLeaseThatWaitsAnswersNoContentOnlyAfterItsWait() {
        String queue = uniqueQueue();
        runningStudy(queue);
        long asked = System.nanoTime();

        Http.Answer empty = http.post("/api/v1/queues/" + queue + "/lease?waitSeconds=1", "{\"workerId\": \"w1\"}");

        assertThat(empty.status()).isEqualTo(204);
        assertThat((System.nanoTime() - asked) / 1e9).isGreaterThanOrEqualTo(0.9);
        assertThat(http.post("/api/v1/queues/" + queue + "/lease?waitSeconds=61", "{\"workerId\": \"w1\"}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/queues/" + queue + "/lease?waitSeconds=-1", "{\"workerId\": \"w1\"}").status())
                .isEqualTo(400);
    }

    @Test
    void waitingLeasesTakeExperimentsQueuedLaterEachExactlyOnce() throws Exception {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        QueueWaiters waiters = context.getBean(QueueWaiters.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Http.Answer>> leases = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String body = "{\"workerId\": \"w" + w + "\"}";
                leases.add(pool.submit(() -> new Http(port).post("/api/v1/queues/" + queue + "/lease?waitSeconds=30", body)));
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (waiters.waiting() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waiters.waiting()).isEqualTo(4);
            // two woken as the queue backend wakes them after a tick, two found by the periodic look
            List<UUID> ids = insertExperiments(study, 4, queue);
            waiters.queued(queue, 2);

            List<String> leased = new ArrayList<>();
            for (Future<Http.Answer> lease : leases) {
                Http.Answer answer = lease.get();
                assertThat(answer.status()).isEqualTo(200);
                leased.add(answer.json().get("id").asString());
            }
            assertThat(leased).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
            assertThat(waiters.waiting()).isZero();
            assertThat(count("experiment where queue = '" + queue + "' and status = 'RUNNING'")).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWorkersNeverLeaseTheSameExperiment() throws Exception {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        List<UUID> ids = insertExperiments(study, 20, queue);
        List<String> leased = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String worker = "w" + w;
                workers.add(pool.submit(() -> {
                    Http own = new Http(port);
                    while (true) {
                        Http.Answer a = own.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"" + worker + "\"}");
                        if (a.status() == 204) {
                            return;
                        }
                        assertThat(a.status()).isEqualTo(200);
                        leased.add(a.json().get("id").asString());
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(leased).hasSize(20).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
    }

    @Test
    void heartbeatAndScalarsRenewTheLeaseAndScalarsFoldIntoTheSummaryOnce() {
        UUID id = leasedByW1();
        Instant leaseBefore = lease(id);

        Http.Answer beat = http.post("/api/v1/experiments/" + id + "/heartbeat", "{\"workerId\": \"w1\"}");
        String report = "[" + LOSS.formatted(0, "0.9") + "," + LOSS.formatted(1, "0.5") + "]";
        Http.Answer first = http.post("/api/v1/experiments/" + id + "/scalars", report);
        Http.Answer again = http.post("/api/v1/experiments/" + id + "/scalars", report);

        assertThat(beat.status()).isEqualTo(200);
        assertThat(beat.json().get("action").asString()).isEqualTo("continue");
        assertThat(first.json().get("action").asString()).isEqualTo("continue");
        assertThat(again.status()).isEqualTo(200);
        assertThat(lease(id)).isAfterOrEqualTo(leaseBefore);
        assertThat(count("scalar where experiment_id = '" + id + "'")).isEqualTo(2);
        assertThat(jdbc.queryForMap("select last_value, min_value, max_value, count from metric_summary where experiment_id = ?", id))
                .containsEntry("last_value", 0.5).containsEntry("min_value", 0.5).containsEntry("max_value", 0.9)
                .containsEntry("count", 2L);

        Http.Answer experiment = http.get("/api/v1/experiments/" + id + "?title=validation");
        assertThat(experiment.json().get("scalars")).hasSize(2);
        assertThat(experiment.json().get("metrics").get(0).get("lastIteration").asLong()).isEqualTo(1);
    }

    @Test
    void completeIsIdempotentAndLateCallsAfterTheEndAreConflicts() {
        UUID id = leasedByW1();

        Http.Answer done = http.post("/api/v1/experiments/" + id + "/complete", null);
        Http.Answer repeated = http.post("/api/v1/experiments/" + id + "/complete", null);
        Http.Answer fail = http.post("/api/v1/experiments/" + id + "/fail", "{\"message\": \"late\"}");
        Http.Answer beat = http.post("/api/v1/experiments/" + id + "/heartbeat", "{\"workerId\": \"w1\"}");
        Http.Answer scalars = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(5, "1") + "]");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(done.body());
        for (Http.Answer late : List.of(fail, beat, scalars)) {
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.contentType()).contains("application/problem+json");
            assertThat(late.json().get("status").asInt()).isEqualTo(409);
            assertThat(late.json().get("currentStatus").asString()).isEqualTo("COMPLETED");
        }
        assertThat(count("scalar where experiment_id = '" + id + "'")).isZero();
    }

    @Test
    void completeWithTheLastPointsStoresThemBeforeTheEndAndBadPointsChangeNothing() {
        UUID id = leasedByW1();
        String path = "/api/v1/experiments/" + id + "/complete";

        Http.Answer noValue = http.post(path, "{\"scalars\": [{\"title\": \"validation\", \"series\": \"loss\", "
                + "\"iteration\": 3}]}");
        Http.Answer nan = http.post(path, "{\"scalars\": [" + LOSS.formatted(3, "\"NaN\"") + "]}");
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.body()).contains("scalars[0].value");
        Http.Answer oneBlank = http.post(path, "{\"scalars\": [" + LOSS.formatted(2, "0.5") + ", {\"title\": \" \", "
                + "\"series\": \"loss\", \"iteration\": 3, \"value\": 1}]}");
        assertThat(nan.status()).isEqualTo(400);
        assertThat(nan.body()).contains("scalars[0].value");
        assertThat(oneBlank.status()).isEqualTo(400);
        assertThat(oneBlank.body()).contains("scalars[1].title");
        assertThat(jdbc.queryForObject("select status from experiment where id = ?", String.class, id))
                .isEqualTo("RUNNING");
        assertThat(count("scalar where experiment_id = '" + id + "'")).isZero();

        Http.Answer done = http.post(path, "{\"scalars\": [" + LOSS.formatted(2, "0.5") + "," + LOSS.formatted(3, "0.25")
                + "]}");
        Http.Answer repeated = http.post(path, "{\"scalars\": [" + LOSS.formatted(4, "0.1") + "]}");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(done.body());
        assertThat(count("scalar where experiment_id = '" + id + "'")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select last_value from metric_summary where experiment_id = ?", Double.class,
                id)).isEqualTo(0.25);
        // the end's event was written after the points: it carries the objective
        assertThat(jdbc.queryForObject("select data -> 'objectives' ->> 0 from study_event "
                + "where type = 'experiment_ended' and data ->> 'experimentId' = ?", String.class, id.toString()))
                .isEqualTo("0.25");
    }

    @Test
    void failIsIdempotentAndKeepsTheFirstMessage() {
        UUID id = leasedByW1();

        Http.Answer failed = http.post("/api/v1/experiments/" + id + "/fail", "{\"message\": \"out of memory\"}");
        Http.Answer repeated = http.post("/api/v1/experiments/" + id + "/fail", "{\"message\": \"other\"}");
        Http.Answer complete = http.post("/api/v1/experiments/" + id + "/complete", null);

        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("failureMessage").asString()).isEqualTo("out of memory");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(failed.body());
        assertThat(complete.status()).isEqualTo(409);
    }

    @Test
    void anAbortedExperimentTellsItsWorkerToStop() {
        UUID id = leasedByW1();
        tx.executeWithoutResult(s -> experiments.findForUpdate(id).orElseThrow().abort(dev.hpo.shared.StopReason.PRUNED, clock.instant()));

        Http.Answer beat = http.post("/api/v1/experiments/" + id + "/heartbeat", "{\"workerId\": \"w1\"}");
        Http.Answer scalars = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(3, "0.1") + "]");
        Http.Answer complete = http.post("/api/v1/experiments/" + id + "/complete", null);

        assertThat(beat.status()).isEqualTo(200);
        assertThat(beat.json().get("action").asString()).isEqualTo("stop");
        assertThat(beat.json().get("reason").asString()).isEqualTo("pruned");
        assertThat(scalars.json().get("action").asString()).isEqualTo("stop");
        assertThat(count("scalar where experiment_id = '" + id + "'")).isZero();
        assertThat(complete.status()).isEqualTo(409);
        assertThat(complete.json().get("currentStatus").asString()).isEqualTo("ABORTED");
    }

    @Test
    void anExperimentCompletedAtItsIterationBudgetTellsItsWorkerToStop() {
        UUID id = leasedByW1();
        // what the loop writes when the objective's last iteration reaches the experiment's budget
        jdbc.update("update experiment set status = 'COMPLETED', stop_reason = 'iteration_limit', ended_at = now(),"
                + " worker_lease_expires_at = null, version = version + 1 where id = ?", id);

        Http.Answer beat = http.post("/api/v1/experiments/" + id + "/heartbeat", "{\"workerId\": \"w1\"}");
        Http.Answer scalars = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(30, "0.1") + "]");
        Http.Answer complete = http.post("/api/v1/experiments/" + id + "/complete", null);

        assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        assertThat(beat.json().get("action").asString()).isEqualTo("stop");
        assertThat(beat.json().get("reason").asString()).isEqualTo("iteration_limit");
        assertThat(scalars.json().get("action").asString()).isEqualTo("stop");
        assertThat(count("scalar where experiment_id = '" + id + "'")).isZero();
        assertThat(complete.status()).isEqualTo(200);
        assertThat(complete.json().get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void callsBeforeTheLeaseAndFromAnotherWorkerAreConflicts() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        UUID id = insertExperiments(study, 1, queue).get(0);

        Http.Answer early = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(0, "1") + "]");
        Http.Answer earlyComplete = http.post("/api/v1/experiments/" + id + "/complete", null);
        http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}");
        Http.Answer stranger = http.post("/api/v1/experiments/" + id + "/heartbeat", "{\"workerId\": \"w2\"}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("currentStatus").asString()).isEqualTo("QUEUED");
        assertThat(earlyComplete.status()).isEqualTo(409);
        assertThat(stranger.status()).isEqualTo(409);
        assertThat(stranger.json().get("detail").asString()).contains("w1");
    }

    @Test
    void rejectsBadWorkerInputWithProblemDetailsAndWritesNothing() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        UUID id = insertExperiments(study, 1, queue).get(0);

        Http.Answer noWorker = http.post("/api/v1/queues/" + queue + "/lease", "{}");
        Http.Answer unknownField = http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w\", \"x\": 1}");
        Http.Answer notJson = http.post("/api/v1/queues/" + queue + "/lease", "{workerId");
        assertThat(noWorker.status()).isEqualTo(400);
        assertThat(noWorker.firstErrorField()).isEqualTo("workerId");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select status from experiment where id = ?", String.class, id)).isEqualTo("QUEUED");

        http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}");
        Http.Answer negative = http.post("/api/v1/experiments/" + id + "/scalars",
                "[" + LOSS.formatted(0, "1") + "," + LOSS.formatted(-1, "1") + "]");
        Http.Answer infinite = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(0, "1e400") + "]");
        Http.Answer nan = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(0, "NaN") + "]");
        Http.Answer missing = http.post("/api/v1/experiments/" + id + "/scalars", "[{\"title\": \"a\", \"series\": \"b\", \"value\": 1}]");
        Http.Answer stringValue = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(0, "\"1\"") + "]");
        Http.Answer notAList = http.post("/api/v1/experiments/" + id + "/scalars", LOSS.formatted(0, "1"));
        Http.Answer hugeIteration = http.post("/api/v1/experiments/" + id + "/scalars", "[" + LOSS.formatted(0, "1").replace("\"iteration\": 0", "\"iteration\": 99999999999999999999999") + "]");
        Http.Answer badId = http.post("/api/v1/experiments/not-a-uuid/complete", null);
        Http.Answer unknownId = http.post("/api/v1/experiments/" + UUID.randomUUID() + "/complete", null);
        Http.Answer unknownHeartbeat = http.post("/api/v1/experiments/" + UUID.randomUUID() + "/heartbeat", "{\"workerId\": \"w1\"}");
        Http.Answer noBodyHeartbeat = http.post("/api/v1/experiments/" + id + "/heartbeat", null);
        Http.Answer longMessage = http.post("/api/v1/experiments/" + id + "/fail", "{\"message\": \"" + "x".repeat(10_001) + "\"}");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.firstErrorField()).isEqualTo("[1].iteration");
        assertThat(infinite.status()).isEqualTo(400);
        assertThat(infinite.firstErrorField()).isEqualTo("[0].value");
        assertThat(nan.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.firstErrorField()).isEqualTo("[0].iteration");
        assertThat(stringValue.status()).isEqualTo(400);
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(hugeIteration.status()).isEqualTo(400);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.firstErrorField()).isEqualTo("id");
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownHeartbeat.status()).isEqualTo(404);
        assertThat(noBodyHeartbeat.status()).isEqualTo(400);
        assertThat(longMessage.status()).isEqualTo(400);
        for (Http.Answer a : List.of(negative, infinite, missing, badId, unknownId)) {
            assertThat(a.contentType()).contains("application/problem+json");
        }
        assertThat(count("scalar where experiment_id = '" + id + "'")).isZero();
        assertThat(count("metric_summary where experiment_id = '" + id + "'")).isZero();
        assertThat(jdbc.queryForObject("select status from experiment where id = ?", String.class, id)).isEqualTo("RUNNING");
    }

    @Test
    void publishesExperimentChangedForNewScalarsAndEndsOnlyNotForAStart() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        UUID id = insertExperiments(study, 1, queue).get(0);
        String report = "[" + LOSS.formatted(0, "0.9") + "]";
        List<ExperimentChanged> published = Collections.synchronizedList(new ArrayList<>());
        ApplicationListener<?> listener = ApplicationListener.forPayload((ExperimentChanged e) -> {
            if (e.experimentId().equals(id)) {
                published.add(e);
            }
        });
        context.addApplicationListener(listener);
        try {
            // a plain start publishes nothing: the loop has nothing to decide then
            http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}");
            http.post("/api/v1/experiments/" + id + "/scalars", report);
            http.post("/api/v1/experiments/" + id + "/scalars", report);
            http.post("/api/v1/experiments/" + id + "/heartbeat", "{\"workerId\": \"w1\"}");
            http.post("/api/v1/experiments/" + id + "/complete", null);
            http.post("/api/v1/experiments/" + id + "/complete", null);
        } finally {
            context.removeApplicationListener(listener);
        }

        assertThat(published)
                .containsExactly(new ExperimentChanged(UUID.fromString(study), id), new ExperimentChanged(UUID.fromString(study), id));
    }

    @Test
    void answersProblemDetailsForUnknownPathsMethodsAndMediaTypes() {
        Http.Answer noPath = http.get("/api/v1/nothing-here");
        Http.Answer method = http.get("/api/v1/queues/default/lease");
        Http.Answer media = http.send("/api/v1/queues/default/lease", "text/plain", "workerId=w");

        assertThat(noPath.status()).isEqualTo(404);
        assertThat(method.status()).isEqualTo(405);
        assertThat(media.status()).isEqualTo(415);
        for (Http.Answer a : List.of(noPath, method, media)) {
            assertThat(a.contentType()).contains("application/problem+json");
        }
    }

    private Instant lease(UUID id) {
        return jdbc.queryForObject("select worker_lease_expires_at from experiment where id = ?",
                java.sql.Timestamp.class, id).toInstant();
    }

    /** One experiment of a new RUNNING study, leased by worker {@code w1}. */
    private UUID leasedByW1() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        UUID id = insertExperiments(study, 1, queue).get(0);
        http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}").requireOk();
        return id;
    }
}
