package dev.hpo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client of every test: real calls against the service on its port, with JSON bodies as text or as maps and
 * lists, answers as trees, and the test admin token unless a test asks for another. The calls tests make most (create
 * a base experiment and a study, start it, lease, report, complete) are at the end.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** A client that sends the test admin token. */
    public Http(int port) {
        this(port, TestTokens.ADMIN);
    }

    /** A client that sends {@code token} as a bearer token, or no Authorization header when it is null. */
    public Http(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    /** The same service with another token (null: none). */
    public Http as(String otherToken) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    /**
     * Any method and path as given (not re-encoded), any content type and Accept (null: leave out), any body (null:
     * none): for hostile requests.
     */
    public Answer raw(String method, String path, String contentType, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (contentType != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, with a JSON body or none. */
    public Answer request(String method, String path, String json) {
        return send(withBody(HttpRequest.newBuilder(URI.create(base + path)), method, json));
    }

    /** An answer: status, body as JSON (null when empty or not JSON), raw body. */
    public record Answer(int status, JsonNode json, String body, String contentType, HttpHeaders headers) {

        /** This answer, if its status is 2xx; else an exception naming status and body. */
        public Answer requireOk() {
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return this;
        }

        /** The problem detail's errors[0].field, or null. */
        public String firstErrorField() {
            JsonNode errors = json == null ? null : json.get("errors");
            return errors == null || errors.isEmpty() ? null : errors.get(0).get("field").asString();
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET asking for the given media type, as a browser or a text client would. */
    public Answer get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    }

    public Answer post(String path, String json) {
        return send(withBody(HttpRequest.newBuilder(URI.create(base + path)), "POST", json));
    }

    public Answer put(String path, String json) {
        return send(withBody(HttpRequest.newBuilder(URI.create(base + path)), "PUT", json));
    }

    /** A POST of {@code body} (maps, lists, strings, numbers) written as JSON. */
    public Answer post(String path, Object body) {
        return post(path, JSON.writeValueAsString(body));
    }

    /** A PUT of {@code body} written as JSON. */
    public Answer put(String path, Object body) {
        return put(path, JSON.writeValueAsString(body));
    }

    /** A JSON POST without Content-Length: the body goes chunked, as from a client that streams it. */
    public Answer postChunked(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A POST with any content type, for media-type checks. */
    public Answer send(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    // ---- the calls tests make most ----------------------------------------------------------------------

    /** Creates a base experiment with one default parameter; returns its id. */
    public String createBaseExperiment(String name) {
        return post("/api/v1/base-experiments", Map.of("name", name, "project", "tests",
                "parameters", Map.of("General/epochs", 3))).requireOk().json().get("id").asString();
    }

    /** Creates a study from its definition; returns its id. */
    public String createStudy(Map<String, Object> definition) {
        return post("/api/v1/studies", definition).requireOk().json().get("id").asString();
    }

    /** Starts the study, with a job-complete callback unless {@code callbackUrl} is null. */
    public void start(String studyId, String callbackUrl) {
        post("/api/v1/studies/" + studyId + "/start",
                callbackUrl == null ? Map.of() : Map.of("jobCompleteCallbackUrl", callbackUrl)).requireOk();
    }

    /** Asks the study to stop. */
    public void stop(String studyId) {
        post("/api/v1/studies/" + studyId + "/stop", Map.of()).requireOk();
    }

    /** The study as the API shows it. */
    public JsonNode study(String studyId) {
        return get("/api/v1/studies/" + studyId).requireOk().json();
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
        Answer answer = post("/api/v1/queues/" + queue + "/lease" + (waitSeconds > 0 ? "?waitSeconds=" + waitSeconds : ""),
                Map.of("workerId", workerId));
        return answer.status() == 204 ? null : answer.requireOk().json();
    }

    /** Reports one point; returns the action the service answers ({@code continue} or {@code stop}). */
    public String report(String experimentId, String title, String series, long iteration, double value) {
        Answer answer = post("/api/v1/experiments/" + experimentId + "/scalars",
                List.of(Map.of("title", title, "series", series, "iteration", iteration, "value", value)));
        if (answer.status() == 409) {
            return "stop";
        }
        JsonNode action = answer.requireOk().json().get("action");
        return action == null ? "continue" : action.asString();
    }

    public Answer heartbeat(String experimentId, String workerId) {
        return post("/api/v1/experiments/" + experimentId + "/heartbeat", Map.of("workerId", workerId));
    }

    public Answer complete(String experimentId) {
        return post("/api/v1/experiments/" + experimentId + "/complete", Map.of());
    }

    /** Completes an experiment with its last point, in one call. */
    public Answer complete(String experimentId, String title, String series, long iteration, double value) {
        return post("/api/v1/experiments/" + experimentId + "/complete", Map.of("scalars",
                List.of(Map.of("title", title, "series", series, "iteration", iteration, "value", value))));
    }

    /**
     * The body as text, except for a server-sent event stream, which never ends by itself: its status and headers are
     * the answer, and the stream is closed at once (the request timeout covers the headers only).
     */
    private static HttpResponse.BodySubscriber<String> bodyUnlessEventStream(HttpResponse.ResponseInfo info) {
        boolean stream = info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        return stream ? new ClosedStream() : HttpResponse.BodyHandlers.ofString().apply(info);
    }

    /** Reads none of a body: cancels it on arrival and answers an empty text. */
    private static final class ClosedStream implements HttpResponse.BodySubscriber<String> {

        @Override
        public CompletionStage<String> getBody() {
            return CompletableFuture.completedFuture("");
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, String json) {
        if (json == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            request.timeout(Duration.ofSeconds(60));
            if (token != null) {
                request.header("Authorization", TestTokens.bearer(token));
            }
            HttpResponse<String> response = client.send(request.build(), Http::bodyUnlessEventStream);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (!response.body().isEmpty() && contentType.contains("json")) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), json, response.body(), contentType, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
