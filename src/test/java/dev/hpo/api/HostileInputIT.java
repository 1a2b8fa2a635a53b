package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

/**
 * Input found by hand (QA) that once answered 500 or a misleading 409, or that was accepted and broke the
 * study later: each must be a 400 problem naming the field, with nothing written.
 */
class HostileInputIT extends ApiTestBase {

    private static final String OBJECTIVE = "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]";

    private static String studyBody(String base, String extra) {
        return """
                {"name": "s", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "x", "min": 0, "max": 1}],
                 "objectives": %s%s}""".formatted(base, OBJECTIVE, extra);
    }

    @Test
    void rejectsAQueueNameLongerThan255WithABadRequest() {
        // given a queue name the lease endpoint caps at 255 characters
        String queue = "q".repeat(256);

        // when a worker leases from it
        Http.Answer answer = http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w\"}");

        // then it is a 400 naming the queue, not a 500
        assertBadRequest(answer, "queue");
    }

    @Test
    void rejectsTheNulCharacterWithABadRequestAndWritesNothing() {
        // given text PostgreSQL cannot store (it refuses U+0000 in text and jsonb)
        long bases = count("base_experiment");

        // when it arrives in a name, a parameter value or a query parameter
        Http.Answer inName = http.post("/api/v1/base-experiments",
                "{\"name\": \"a\\u0000b\", \"project\": \"p\"}");
        Http.Answer inParameter = http.post("/api/v1/base-experiments",
                "{\"name\": \"a\", \"project\": \"p\", \"parameters\": {\"x\": \"a\\u0000\"}}");
        String id = runningStudy(uniqueQueue());
        Http.Answer inQuery = http.get("/api/v1/studies/" + id
                + "/top-experiments/by-metric?title=a%00&series=b&sign=min");

        // then each is a 400 that says what is wrong, and no base experiment was stored
        for (Http.Answer answer : new Http.Answer[] {inName, inParameter, inQuery}) {
            assertBadRequest(answer, null);
            assertThat(answer.json().get("detail").asString()).as(answer.body()).contains("NUL");
        }
        assertThat(count("base_experiment")).isEqualTo(bases + 1); // the running study's own base only
    }

    @Test
    void answersAPathTheServerRefusesWithAProblemNotAnHtmlPage() {
        // given a path with an encoded NUL, which Tomcat rejects before the application sees the request
        String path = "/api/v1/experiments/00000000-0000-0000-0000-000000000000%00/abort";

        // when it is called
        Http.Answer answer = http.post(path, "{}");

        // then the answer is still an RFC 9457 problem, not Tomcat's HTML error page
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("check the URL");
    }

    @Test
    void rejectsTimeLimitsTooLargeToStoreWhenTheStudyIsCreated() {
        // given limits the time-limit and report-period endpoints already refuse (more than 1e8 minutes)
        String base = baseExperiment();
        long before = count("study");

        // when a study is created with them, then each is a 400 naming the field (it used to be stored,
        // and start then failed with a 409 because the deadline overflowed the timestamp column)
        for (String field : new String[] {"optimizationTimeLimitMinutes", "computeTimeLimitMinutes",
                "timeLimitPerJobMinutes", "reportPeriodMinutes"}) {
            assertBadRequest(http.post("/api/v1/studies", studyBody(base, ", \"" + field + "\": 1e300")), field);
        }
        assertThat(count("study")).isEqualTo(before);

        // and the largest allowed value still starts
        Http.Answer created = http.post("/api/v1/studies", studyBody(base, ", \"optimizationTimeLimitMinutes\": 1e8"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http.Answer started = http.post("/api/v1/studies/" + created.json().get("id").asString() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
    }

    @Test
    void rejectsASpecificTimeTooFarInTheFutureAndLeavesTheTimeLimitAsItWas() {
        // given a running study without a time limit
        String id = runningStudy(uniqueQueue());

        // when the time limit is set to dates PostgreSQL's timestamp (year 294276) or Instant cannot hold,
        // or to absurd numbers of minutes
        String[] times = {"+294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "+1000000001-01-01T00:00:00Z",
                Instant.now().plus(Duration.ofMinutes(100_000_001L)).toString()};
        for (String time : times) {
            // then each is a 400 naming specificTime (the first two used to be a 500 or a misleading 400 'body')
            assertBadRequest(http.put("/api/v1/studies/" + id + "/time-limit", "{\"specificTime\": \"" + time + "\"}"),
                    "specificTime");
        }
        for (String minutes : new String[] {"1e308", "1e400", "-1e308", "1e8001"}) {
            assertBadRequest(http.put("/api/v1/studies/" + id + "/time-limit", "{\"inMinutes\": " + minutes + "}"),
                    "inMinutes");
        }

        // and the time limit is unchanged, while the farthest allowed time (1e8 minutes ahead) is still accepted
        assertThat(http.get("/api/v1/studies/" + id + "/status").json().get("timeLimit").isNull()).isTrue();
        Instant farthest = Instant.now().plus(Duration.ofMinutes(99_999_000L));
        Http.Answer accepted = http.put("/api/v1/studies/" + id + "/time-limit", "{\"specificTime\": \"" + farthest + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/studies/" + id + "/status").json().get("reachedTimeLimit").asBoolean()).isFalse();
    }
}
