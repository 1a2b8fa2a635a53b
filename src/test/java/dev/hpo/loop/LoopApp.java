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
        // one value per key, the caller's winning over the defaults above
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String property : all) {
            int eq = property.indexOf('=');
            byKey.put(property.substring(0, eq), property.substring(eq + 1));
        }
        // as command-line arguments, which win over application.yml (default properties would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HpoApplication.class)
                .run(byKey.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return new LoopApp(context);
    }

    public String createStudy(java.util.Map<String, Object> definition) {
        return http.createStudy(definition);
    }

    public void start(String studyId, String callbackUrl) {
        http.start(studyId, callbackUrl);
    }

    public void stop(String studyId) {
        http.post("/studies/" + studyId + "/stop", java.util.Map.of()).requireOk();
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
