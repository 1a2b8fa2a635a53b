package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The job-complete webhook fires once per experiment, for every end, to a real HTTP receiver, and retries. */
class JobCompleteWebhookIT {

    private HttpServer receiver;
    /** Outside the development mode loopback webhooks are refused unless the operator allows them. */
    private static final String LOOPBACK_ALLOWED = "hpo.webhook.allowed-hosts=127.0.0.1";

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(2);

    @BeforeEach
    void startReceiver() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            attemptsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the first two deliveries fail, so those events must be retried
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                received.add(json.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void firesOncePerExperimentWithTheSeedFieldsAndRetriesAfterAFailure() {
        try (TestApp app = TestApp.start(TestDatabase.newDatabase(), LOOPBACK_ALLOWED)) {
            // given a study of 5 experiments whose callback answers 503 twice before it works
            Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment("hook"), "q-hook", "random", 9);
            definition.put("totalMaxJobs", 5);
            String study = app.createStudy(definition);
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

            // when it runs to its end
            try (Workers workers = new Workers(app.http, "q-hook", 2, Studies.quadraticJob(2, 0))) {
                app.start(study, url);
                await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(Studies.status(app.jdbc(), study)));
            }

            // then each experiment's event arrives exactly once as accepted, after retries for the failed ones
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 5);
            assertThat(received).extracting(e -> e.get("experimentId").asString()).doesNotHaveDuplicates().hasSize(5);
            assertThat(attemptsByKey.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(7);
            // the sender marks an event delivered after the receiver has answered, so the last mark may still come
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(app.jdbc().queryForObject(
                    "SELECT count(*) FROM job_complete_event WHERE study_id = ?::uuid AND delivered_at IS NOT NULL",
                    Integer.class, study)).isEqualTo(5));
            assertThat(app.jdbc().queryForObject(
                    "SELECT max(attempts) FROM job_complete_event WHERE study_id = ?::uuid", Integer.class, study))
                    .isGreaterThanOrEqualTo(2);
            JsonNode event = received.get(0);
            assertThat(event.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(event.get("objectiveValues").get(0).isNumber()).isTrue();
            assertThat(event.get("objectiveIterations").get(0).asLong()).isEqualTo(1L);
            assertThat(event.get("parameters").has("x")).isTrue();
            assertThat(event.get("bestExperimentId").asString()).isNotBlank();
        }
    }

    @Test
    void failedExperimentsGetAnEventToo() {
        failuresLeft.set(0);
        try (TestApp app = TestApp.start(TestDatabase.newDatabase(), LOOPBACK_ALLOWED)) {
            Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment("hook-fail"), "q-hook-fail", "random", 9);
            definition.put("totalMaxJobs", 2);
            definition.put("maxConcurrentExperiments", 1);
            String study = app.createStudy(definition);
            app.start(study, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");

            // when a worker fails each experiment
            for (int i = 0; i < 2; i++) {
                JsonNode experiment = await().atMost(Duration.ofSeconds(10))
                        .until(() -> app.http.lease("q-hook-fail", "w"), e -> e != null);
                app.http.post("/api/v1/experiments/" + experiment.get("id").asString() + "/fail",
                        Map.of("message", "out of memory")).requireOk();
            }

            // then both failures are reported once, without objective values
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
            assertThat(received).extracting(e -> e.get("status").asString()).containsExactly("FAILED", "FAILED");
            assertThat(received.get(0).get("objectiveValues").isNull()).isTrue();
        }
    }
}
