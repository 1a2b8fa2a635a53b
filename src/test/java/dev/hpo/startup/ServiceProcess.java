package dev.hpo.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hpo.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a separate operating-system process, as an operator starts it: the clock starts just before the
 * process is forked, and the answers of its health endpoint and its {@code hpo.loop.tick} timer say when it is
 * ready and when it drove its first study. Its output goes to a log file, which the benchmark reads for Spring's own
 * "Started ... in" line.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile(
            "Started \\w+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final long startedNanos;
    private final Path log;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private ServiceProcess(Process process, long startedNanos, Path log, int port) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
        this.base = "http://localhost:" + port;
    }

    /** Forks {@code command} in {@code directory} with the given environment changes, its output to {@code log}. */
    public static ServiceProcess start(List<String> command, Path directory, java.util.Map<String, String> environment,
                                Path log, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ServiceProcess(builder.start(), started, log, port);
    }

    /** Seconds from the fork until {@code /actuator/health} answers UP. */
    public double secondsToHealthUp(Duration limit) throws InterruptedException {
        return waitFor(limit, "health UP", () -> {
            JsonNode health = get("/actuator/health");
            return health != null && "UP".equals(health.path("status").asString());
        });
    }

    /** Seconds from the fork until the loop has recorded at least one driven study tick. */
    public double secondsToFirstTick(Duration limit) throws InterruptedException {
        return waitFor(limit, "first study tick", () -> {
            JsonNode timer = get("/actuator/metrics/hpo.loop.tick");
            if (timer == null) {
                return false;
            }
            for (JsonNode measurement : timer.path("measurements")) {
                if ("COUNT".equals(measurement.path("statistic").asString()) && measurement.path("value").asDouble() >= 1) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * CPU seconds the service's JVM has used so far (user and system, all threads): unlike the wall clock, hardly
     * moved by other work on a shared machine. The innermost JVM when a wrapper (Maven) forked it.
     */
    public double cpuSeconds() {
        ProcessHandle service = process.descendants().filter(ServiceProcess::isInnermostJava).findFirst()
                .orElse(process.toHandle());
        return service.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Spring's own "Started ... in X seconds (process running for Y)": {X, Y}, when the line is in the log. */
    public Optional<double[]> springReported() throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? Optional.of(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))})
                : Optional.empty();
    }

    /**
     * Stops the service as an operator would: SIGTERM, so it shuts down gracefully and gives its study leases back.
     */
    @Override
    public void close() throws InterruptedException {
        // a wrapper (Maven) forks the service's JVM: stop that one first, so it stops its embedded PostgreSQL
        for (ProcessHandle service : process.descendants().filter(ServiceProcess::isInnermostJava).toList()) {
            service.destroy();
            try {
                service.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                service.destroyForcibly();
            }
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean isInnermostJava(ProcessHandle handle) {
        return isJava(handle) && handle.descendants().noneMatch(ServiceProcess::isJava);
    }

    private static boolean isJava(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    private interface Check {
        boolean done() throws InterruptedException;
    }

    private double waitFor(Duration limit, String what, Check check) throws InterruptedException {
        long deadline = startedNanos + limit.toNanos();
        while (!check.done()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited (" + process.exitValue() + ") before " + what
                        + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + limit + "; see " + log);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The JSON answer of an admin GET, or null while the service does not answer 200. */
    private JsonNode get(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(2))
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException notYet) {
            return null;
        }
    }
}
