package dev.hpo.loop;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hpo.HpoApplication;
import dev.hpo.testsupport.TestDatabase;

/**
 * Starts the whole service on a random port against a given test database, so a test can run two instances on
 * one database or stop one and start another on the same data.
 */
public final class LoopApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    public final LoopHttp http;
    public final int port;

    private LoopApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.http = new LoopHttp(port);
    }

    /** Fast defaults for tests (tick every 200 ms, short leases) plus the given {@code key=value} properties. */
    public static LoopApp start(TestDatabase.Target database, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + database.url(),
                "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "hpo.loop.tick-interval=200ms",
                "hpo.loop.study-lease-duration=5s",
                "hpo.webhook.poll-interval=100ms",
                "hpo.webhook.initial-backoff=200ms",
                "logging.level.root=WARN"));
        if (database.username() != null) {
            all.add("spring.datasource.username=" + database.username());
        }
        all.addAll(List.of(properties));
        // as command-line arguments, which win over application.yml (default properties would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HpoApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
        return new LoopApp(context);
    }

    /** Creates a study through the REST API (a study row until the study endpoints land). */
    public String createStudy(java.util.Map<String, Object> definition) {
        LoopHttp.Answer answer = http.post("/studies", definition);
        if (answer.status() == 404 || answer.status() == 405) {
            return InterimStudyRows.create(jdbc(), definition);
        }
        return answer.requireOk().body().get("id").asString();
    }

    public void start(String studyId, String callbackUrl) {
        LoopHttp.Answer answer = http.post("/studies/" + studyId + "/start",
                callbackUrl == null ? java.util.Map.of() : java.util.Map.of("jobCompleteCallbackUrl", callbackUrl));
        if (answer.status() == 404 || answer.status() == 405) {
            InterimStudyRows.start(jdbc(), studyId, callbackUrl);
            return;
        }
        answer.requireOk();
    }

    public void stop(String studyId) {
        LoopHttp.Answer answer = http.post("/studies/" + studyId + "/stop", java.util.Map.of());
        if (answer.status() == 404 || answer.status() == 405) {
            InterimStudyRows.stop(jdbc(), studyId);
            return;
        }
        answer.requireOk();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public org.springframework.jdbc.core.JdbcTemplate jdbc() {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
