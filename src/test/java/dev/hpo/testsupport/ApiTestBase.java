package dev.hpo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hpo.experiment.Experiment;
import dev.hpo.experiment.ExperimentId;
import dev.hpo.experiment.ExperimentRepository;
import dev.hpo.shared.StudyId;
import dev.hpo.study.Study;
import dev.hpo.study.StudyRepository;

/**
 * The service on a random port over a fresh PostgreSQL, with the study loop off: these tests drive studies and
 * experiments themselves (until the loop creates experiments, they exist only if a test inserts them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hpo.loop.enabled=false", "hpo.worker.lease-timeout=60s"})
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TransactionTemplate tx;
    @Autowired
    protected StudyRepository studies;
    @Autowired
    protected ExperimentRepository experiments;
    @Autowired
    protected Clock clock;

    protected Http http;

    @BeforeEach
    protected void connect() {
        http = new Http(port);
    }

    protected String baseExperiment() {
        Http.Answer created = http.post("/api/v1/base-experiments", """
                {"name": "train", "project": "demo", "parameters": {"General/lr": 0.1, "epochs": 3}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A study over x in [0, 1] and optimizer in {sgd, adam}, with the given objectives JSON. */
    protected String study(String queue, String objectives) {
        Http.Answer created = http.post("/api/v1/studies", """
                {"name": "s", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "x", "min": 0, "max": 1},
                                {"type": "discrete", "name": "optimizer", "values": ["sgd", "adam"]}],
                 "objectives": %s, "strategy": {"name": "random", "seed": 7},
                 "backend": "queue", "executionQueue": "%s", "maxConcurrentExperiments": 4}"""
                .formatted(baseExperiment(), objectives, queue));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    protected String runningStudy(String queue) {
        String id = study(queue, "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]");
        assertThat(http.post("/api/v1/studies/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    /** Inserts QUEUED experiments as the loop would, with x = 0.1, 0.2, ... */
    protected List<UUID> insertExperiments(String studyId, int count, String queue) {
        List<UUID> ids = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            Study study = studies.findForUpdate(UUID.fromString(studyId)).orElseThrow();
            for (int i = 0; i < count; i++) {
                int number = study.nextExperimentNumber();
                ExperimentId id = ExperimentId.random();
                experiments.save(new Experiment(id, new StudyId(UUID.fromString(studyId)), number, "train #" + number,
                        "demo", Map.of("x", (number + 1) / 10.0, "optimizer", "adam"), queue, 10L,
                        clock.instant().plusMillis(number)));
                ids.add(id.value());
            }
        });
        return ids;
    }

    protected long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    protected static String uniqueQueue() {
        return "q-" + UUID.randomUUID();
    }

    /** A 400 problem detail whose errors name {@code field} (null: any errors). */
    protected static void assertBadRequest(Http.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.json().get("errors")).isNotEmpty();
        if (field != null) {
            assertThat(answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                    .as(answer.body()).contains(field);
        }
    }

    /** A 422 problem detail whose first error names {@code field}. */
    protected static void assertUnusable(Http.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.firstErrorField()).as(answer.body()).isEqualTo(field);
    }
}
