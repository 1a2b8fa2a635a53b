package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The service goes down (its context closed without a graceful shutdown) while four workers hold experiments, stays
 * down for twice the lease timeout, and comes back on the same port and database. The workers keep heartbeating
 * through the outage, as real workers retry. Meanwhile other workers poll the same queue for anything to lease.
 * Since the service could not hear the heartbeats while it was down, the leases must survive: after the restart no
 * experiment is handed to a second worker, every heartbeat is answered {@code continue}, and every holder's
 * {@code complete} is accepted.
 */
class LeasesAcrossRestartIT {

    private static final String QUEUE = "q-leases-restart";
    private static final int HOLDERS = 4;
    private static final Duration LEASE = Duration.ofSeconds(3);

    @Test
    void workersHeartbeatingThroughAnOutageKeepTheirExperimentsAndCompleteThem() throws Exception {
        TestDatabase.Target database = TestDatabase.newDatabase();
        int port = freePort();
        String[] settings = {"server.port=" + port, "server.shutdown=immediate",
                "hpo.worker.lease-timeout=" + LEASE.toMillis() + "ms"};
        Http http = new Http(port);
        AtomicBoolean finish = new AtomicBoolean();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicInteger heartbeatsAfterRestart = new AtomicInteger();
        List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        Map<String, String> held = new ConcurrentHashMap<>();
        List<String> leasedBySecondWorkers = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(HOLDERS + 2);
        String study;
        TestApp second = null;
        try {
            TestApp first = TestApp.start(database, settings);
            Map<String, Object> definition = Studies.quadratic(first.http.createBaseExperiment("leases"), QUEUE,
                    "random", 5);
            definition.put("maxConcurrentExperiments", HOLDERS);
            definition.put("totalMaxJobs", HOLDERS);
            study = first.createStudy(definition);
            first.start(study, null);

            // given four workers that each hold an experiment and heartbeat until told to finish
            for (int i = 0; i < HOLDERS; i++) {
                JsonNode experiment = await().atMost(Duration.ofSeconds(20)).until(() -> http.lease(QUEUE, "holder"), e -> e != null);
                held.put(experiment.get("id").asString(), "holder");
            }
            List<Future<Integer>> completions = new ArrayList<>();
            for (String experiment : held.keySet()) {
                completions.add(threads.submit(() -> {
                    while (!finish.get()) {
                        heartbeat(http, experiment, restarted, heartbeatsAfterRestart, wrongAnswers);
                        Thread.sleep(200);
                    }
                    http.report(experiment, Studies.TITLE, Studies.SERIES, 0, 1.0);
                    return http.complete(experiment).status();
                }));
            }
            // and workers that keep asking the same queue for work
            for (int i = 0; i < 2; i++) {
                String worker = "hungry-" + i;
                threads.submit(() -> {
                    while (!finish.get()) {
                        try {
                            JsonNode got = http.lease(QUEUE, worker);
                            if (got != null) {
                                leasedBySecondWorkers.add(got.get("id").asString());
                            }
                        } catch (IllegalStateException | UncheckedIOException down) {
                            // the service is down: try again, as a worker does
                        }
                        Thread.sleep(100);
                    }
                    return null;
                });
            }

            // when the service goes down without a graceful shutdown and stays down past the lease timeout
            first.close();
            Thread.sleep(LEASE.multipliedBy(2).toMillis());
            second = TestApp.start(database, settings);
            restarted.set(true);

            // and the holders keep heartbeating on the new service for longer than a lease timeout
            await().atMost(Duration.ofSeconds(60)).until(() -> heartbeatsAfterRestart.get() >= HOLDERS * 4 * 5);
            finish.set(true);

            // then every holder's complete was accepted, and nobody else was given any of their experiments
            List<Integer> completed = new ArrayList<>();
            for (Future<Integer> completion : completions) {
                completed.add(completion.get());
            }
            assertThat(leasedBySecondWorkers).isEmpty();
            assertThat(wrongAnswers).isEmpty();
            assertThat(completed).containsOnly(200);
            TestApp app = second;
            await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(Studies.status(app.jdbc(), study)));
            assertThat(Studies.outcomes(app.jdbc(), study)).hasSize(HOLDERS).containsOnly("COMPLETED/-");
            assertThat(app.jdbc().queryForObject("SELECT max(retries) FROM experiment WHERE study_id = ?::uuid",
                    Integer.class, study)).isZero();
        } finally {
            finish.set(true);
            threads.shutdownNow();
            if (second != null) {
                second.close();
            }
        }
    }

    /** One heartbeat; a refused connection (the service is down) is retried by the caller's loop. */
    private static void heartbeat(Http http, String experiment, AtomicBoolean restarted, AtomicInteger afterRestart,
                                  List<String> wrong) {
        boolean up = restarted.get();
        try {
            Http.Answer answer = http.heartbeat(experiment, "holder");
            String action = answer.json() == null || answer.json().get("action") == null ? null
                    : answer.json().get("action").asString();
            if (answer.status() != 200 || !"continue".equals(action)) {
                wrong.add(experiment + ": " + answer.status() + " " + answer.body());
            }
            if (up) {
                afterRestart.incrementAndGet();
            }
        } catch (IllegalStateException | UncheckedIOException down) {
            // connection refused while the service restarts
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
