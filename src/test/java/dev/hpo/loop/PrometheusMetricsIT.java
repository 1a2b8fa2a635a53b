package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;

/** /actuator/prometheus shows the service's named meters moving while a study runs. */
class PrometheusMetricsIT {

    private static TestApp app;
    private static HttpServer receiver;
    private static final AtomicInteger calls = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start(TestDatabase.newDatabase(), "hpo.worker.lease-timeout=1s", "hpo.metrics.gauge-refresh=200ms",
                "hpo.events.poll-interval=100ms", "hpo.webhook.allowed-hosts=localhost");
        // a webhook receiver that fails the first call and accepts the others
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(calls.getAndIncrement() == 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        app.close();
    }

    @Test
    void aRunningStudyMovesTheNamedMeters() {
        String before = scrape();
        // the named meters are there before anything happened
        for (String name : new String[] {"hpo_studies{", "hpo_experiments_active{", "hpo_experiments_creations_total",
                "hpo_worker_lease_expiries_total", "hpo_experiments_refill_latency_seconds_count",
                "hpo_webhook_deliveries_total", "hpo_webhook_failures_total", "hpo_events_streams"}) {
            assertThat(before).as(name).contains(name);
        }

        // given a grid study of 9 points, 2 at once, with a webhook; one lease is taken by a worker that vanishes
        String base = app.http.createBaseExperiment("metrics");
        Map<String, Object> definition = Studies.quadratic(base, "q-metrics", "grid", 1);
        definition.put("parameters", java.util.List.of(
                Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0, "step", 1.0),
                Map.of("type", "uniform", "name", "y", "min", -1.0, "max", 1.0, "step", 1.0)));
        String study = app.createStudy(definition);
        app.start(study, "http://localhost:" + receiver.getAddress().getPort() + "/hook");
        await().atMost(Duration.ofSeconds(60)).until(() -> app.http.lease("q-metrics", "ghost") != null);
        await().atMost(Duration.ofSeconds(60)).until(() -> value(scrape(), "hpo_worker_lease_expiries_total") >= 1);
        String running = scrape();
        assertThat(value(running, "hpo_studies{status=\"RUNNING\"}")).isEqualTo(1);
        assertThat(value(running, "hpo_experiments_active{status=\"QUEUED\"}")
                + value(running, "hpo_experiments_active{status=\"RUNNING\"}")).isGreaterThan(0);

        // when workers run it to its end
        try (Workers workers = new Workers(app.http, "q-metrics", 2, Studies.quadraticJob(3, 0))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> "COMPLETED".equals(Studies.status(app.jdbc(), study)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String s = scrape();
            return value(s, "hpo_experiments_ended_total{reason=\"none\",status=\"COMPLETED\"}") >= 9
                    && value(s, "hpo_webhook_deliveries_total") >= 9 && value(s, "hpo_studies{status=\"COMPLETED\"}") >= 1;
        });

        // then every named meter moved
        String after = scrape();
        assertThat(value(after, "hpo_experiments_creations_total")).isGreaterThanOrEqualTo(9);
        assertThat(value(after, "hpo_worker_lease_expiries_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "hpo_experiments_refill_latency_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "hpo_webhook_failures_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "hpo_loop_tick_seconds_count")).isGreaterThan(0);
        assertThat(after).contains("http_server_requests_seconds_count{");
        assertThat(value(after, "hpo_studies{status=\"RUNNING\"}")).isEqualTo(0);
    }

    /** The sample's value, summed over every series whose name and labels start with {@code prefix}. */
    private static double value(String scrape, String prefix) {
        double sum = 0;
        boolean found = false;
        String head = prefix.endsWith("}") ? prefix.substring(0, prefix.length() - 1) : prefix;
        Pattern line = Pattern.compile("^(\\S+?)(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        while (m.find()) {
            String series = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            if (series.equals(prefix) || (prefix.endsWith("}") && series.startsWith(head))
                    || (!prefix.contains("{") && m.group(1).equals(prefix))) {
                sum += Double.parseDouble(m.group(3));
                found = true;
            }
        }
        return found ? sum : -1;
    }

    private static String scrape() {
        Http.Answer answer = app.http.get("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }
}
