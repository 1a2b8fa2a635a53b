package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpServer;

import dev.hpo.HpoApplication;
import dev.hpo.shared.outbound.HostResolver;
import dev.hpo.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Webhook URLs outside the development mode: loopback, link-local and private targets are refused at start with
 * a 422 naming the field (checked on the address, nothing is sent); a name that resolved to an allowed address at
 * start but to loopback at delivery is not called; and a call goes to the address that was checked. Test names
 * resolve through a resolver of this test; the only receiver listens on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {HpoApplication.class, WebhookSafetyIT.Names.class},
        properties = {"hpo.loop.tick-interval=200ms", "hpo.webhook.poll-interval=100ms",
                "hpo.webhook.initial-backoff=200ms", "hpo.webhook.allowed-hosts=pinned.test"})
class WebhookSafetyIT {

    /** rebind.test: a public documentation address on the first lookup, loopback on every later one. */
    static final AtomicInteger REBIND_LOOKUPS = new AtomicInteger();

    @TestConfiguration
    static class Names {
        @Bean
        @Primary
        HostResolver testNames() {
            return host -> switch (host) {
                case "rebind.test" -> new InetAddress[] {InetAddress.getByName(
                        REBIND_LOOKUPS.getAndIncrement() == 0 ? "192.0.2.10" : "127.0.0.1")};
                case "pinned.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                default -> {
                    if (host.matches("[0-9.]+") || host.contains(":")) {
                        yield new InetAddress[] {InetAddress.getByName(host)};
                    }
                    throw new UnknownHostException(host);
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private HttpServer receiver;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private Http http;

    @BeforeEach
    void startReceiver() throws IOException {
        http = new Http(port);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void loopbackLinkLocalAndPrivateCallbacksAreRefusedAtStartWith422() {
        String study = http.createStudy(Studies.quadratic(http.createBaseExperiment("refused"), "q-refused", "random", 1));
        for (String url : List.of("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook", "http://[::1]/hook",
                "http://unknown-name.test/hook")) {
            Http.Answer answer = http.post("/api/v1/studies/" + study + "/start", Map.of("jobCompleteCallbackUrl", url));
            assertThat(answer.status()).as(url).isEqualTo(422);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("jobCompleteCallbackUrl");
        }
        assertThat(Studies.status(jdbc, study)).isEqualTo("CREATED");
        assertThat(hostHeaders).isEmpty();
    }

    @Test
    void aNameThatResolvesToLoopbackAtDeliveryIsNotCalled() {
        String study = oneExperimentStudy("rebind");
        http.start(study, "http://rebind.test:" + receiver.getAddress().getPort() + "/hook");
        completeTheExperiment("q-rebind");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM job_complete_event WHERE study_id = ?::uuid AND last_error LIKE 'refused%'",
                Integer.class, study) == 1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM job_complete_event WHERE study_id = ?::uuid",
                String.class, study)).contains("127.0.0.1").contains("loopback");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM job_complete_event WHERE study_id = ?::uuid"
                + " AND delivered_at IS NOT NULL", Integer.class, study)).isZero();
        assertThat(hostHeaders).isEmpty();
    }

    @Test
    void anAllowedNameIsCalledAtTheAddressItWasCheckedAgainst() {
        String study = oneExperimentStudy("pinned");
        int receiverPort = receiver.getAddress().getPort();
        http.start(study, "http://pinned.test:" + receiverPort + "/hook");
        completeTheExperiment("q-pinned");

        await().atMost(Duration.ofSeconds(30)).until(() -> !hostHeaders.isEmpty());
        // the system resolver does not know pinned.test: the request reached 127.0.0.1 because it was sent there
        assertThat(hostHeaders).containsExactly("pinned.test:" + receiverPort);
    }

    private String oneExperimentStudy(String name) {
        Map<String, Object> definition = Studies.quadratic(http.createBaseExperiment(name), "q-" + name, "random", 3);
        definition.put("totalMaxJobs", 1);
        return http.createStudy(definition);
    }

    private void completeTheExperiment(String queue) {
        JsonNode experiment = await().atMost(Duration.ofSeconds(10)).until(() -> http.lease(queue, "w"), e -> e != null);
        http.complete(experiment.get("id").asString()).requireOk();
    }
}
