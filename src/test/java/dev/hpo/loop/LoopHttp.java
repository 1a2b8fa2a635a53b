package dev.hpo.loop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.hpo.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the service's REST API over real HTTP, as a worker or a user in any language would call it. */
public final class LoopHttp {

    /** One answer: status and parsed body (null when empty). */
    public record Answer(int status, JsonNode body) {
        public Answer requireOk() {
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String authorization;

    /** A client that sends the tests' bootstrap admin token. */
    public LoopHttp(int port) {
        this(port, TestTokens.ADMIN);
    }

    /** A client that sends {@code token} (e.g. a worker token created through {@code POST /tokens}). */
    public LoopHttp(int port, String token) {
        this.base = "http://localhost:" + port + "/api/v1";
        this.authorization = TestTokens.bearer(token);
    }

    public Answer post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body))));
    }

    public Answer put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- the calls the loop's tests make ------------------------------------------------------------

    public String createBaseExperiment(String name) {
        return post("/base-experiments", Map.of("name", name, "project", "loop-tests",
                "parameters", Map.of("General/epochs", 3))).requireOk().body().get("id").asString();
    }

    public String createStudy(Map<String, Object> definition) {
        return post("/studies", definition).requireOk().body().get("id").asString();
    }

    public void start(String studyId, String callbackUrl) {
        post("/studies/" + studyId + "/start",
                callbackUrl == null ? Map.of() : Map.of("jobCompleteCallbackUrl", callbackUrl)).requireOk();
    }

    public JsonNode study(String studyId) {
        return get("/studies/" + studyId).requireOk().body();
    }

    /** A leased experiment, or null when the queue is empty. */
    public JsonNode lease(String queue, String workerId) {
        return lease(queue, workerId, 0);
    }

    /**
     * A leased experiment, or null when the queue stayed empty for {@code waitSeconds} (a long poll: the service
     * answers as soon as an experiment is queued).
     */
    public JsonNode lease(String queue, String workerId, double waitSeconds) {
        Answer answer = post("/queues/" + queue + "/lease" + (waitSeconds > 0 ? "?waitSeconds=" + waitSeconds : ""),
                Map.of("workerId", workerId));
        if (answer.status() == 204) {
            return null;
        }
        return answer.requireOk().body();
    }

    /** Reports one point; returns the action the service answers ({@code continue} or {@code stop}). */
    public String report(String experimentId, String title, String series, long iteration, double value) {
        Answer answer = post("/experiments/" + experimentId + "/scalars",
                java.util.List.of(Map.of("title", title, "series", series, "iteration", iteration, "value", value)));
        if (answer.status() == 409) {
            return "stop";
        }
        JsonNode action = answer.requireOk().body().get("action");
        return action == null ? "continue" : action.asString();
    }

    public Answer heartbeat(String experimentId, String workerId) {
        return post("/experiments/" + experimentId + "/heartbeat", Map.of("workerId", workerId));
    }

    public Answer complete(String experimentId) {
        return post("/experiments/" + experimentId + "/complete", Map.of());
    }
}
