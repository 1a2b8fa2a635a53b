package dev.hpo.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A server-sent events client over real HTTP, as a browser's EventSource would read the stream: it parses
 * {@code id:}, {@code event:}, {@code data:} lines and comments into a queue the test takes them from.
 */
final class SseStream implements AutoCloseable {

    /** One event; {@code comment} is set (and the rest null) for a comment line. */
    record Event(String id, String type, JsonNode data, String comment) {
        long seq() {
            return Long.parseLong(id);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    /** Every wait of a test on this stream ends 30 s after it was opened. */
    private final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    final int status;
    final String contentType;

    private SseStream(int port, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> answer = response.orTimeout(30, TimeUnit.SECONDS).join();
        status = answer.statusCode();
        contentType = answer.headers().firstValue("Content-Type").orElse("");
        Thread reader = new Thread(() -> read(answer.body()), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseStream open(int port, String path) {
        return new SseStream(port, path, null);
    }

    static SseStream resume(int port, String path, String lastEventId) {
        return new SseStream(port, path, lastEventId);
    }

    private void read(Stream<String> lines) {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, Http.JSON.readTree(data.toString()), null));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed by the test
        }
    }

    /** The next event that is not a comment, waiting up to 30 s for it; fails when none comes. */
    Event next() {
        while (true) {
            Event event = take();
            if (event.comment() == null) {
                return event;
            }
        }
    }

    /** The next event of the given type, skipping others; fails when none comes within 30 s. */
    Event next(String type) {
        while (true) {
            Event event = next();
            if (type.equals(event.type())) {
                return event;
            }
        }
    }

    /** The next comment, skipping events. */
    String nextComment() {
        while (true) {
            Event event = take();
            if (event.comment() != null) {
                return event.comment();
            }
        }
    }

    /** Events (no comments) until {@code count} of them arrived. */
    List<Event> next(int count) {
        List<Event> result = new ArrayList<>();
        while (result.size() < count) {
            result.add(next());
        }
        return result;
    }

    private Event take() {
        long left = deadline - System.nanoTime();
        try {
            Event event = left <= 0 ? events.poll() : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no event within 30 s of opening the stream");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
    }

}
