package dev.hpo.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.hpo.HpoApplication;

/**
 * The whole service on a port of its own, started and stopped by the test: two instances on one database, a restart
 * on the same data, or a service a client under test talks to. Tests that need one service with the loop off extend
 * {@link ApiTestBase} instead, which shares one Spring test context among them.
 */
public final class TestApp implements AutoCloseable {

    /** Fast loop settings for tests: tick every 200 ms, short study leases, quick webhook retries, quiet logs. */
    private static final List<String> DEFAULTS = List.of(
            "server.port=0",
            "hpo.loop.tick-interval=200ms",
            "hpo.loop.study-lease-duration=5s",
            "hpo.webhook.poll-interval=100ms",
            "hpo.webhook.initial-backoff=200ms",
            "logging.level.root=WARN");

    private final ConfigurableApplicationContext context;
    /** A client of this service with the test admin token. */
    public final Http http;
    /** The HTTP port it listens on. */
    public final int port;

    private TestApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.http = new Http(port);
    }

    /** The service on {@code database} with the test defaults, then the given {@code key=value} properties. */
    public static TestApp start(TestDatabase.Target database, String... properties) {
        List<String> all = new ArrayList<>(DEFAULTS);
        all.add("spring.datasource.url=" + database.url());
        all.add("spring.datasource.password=" + (database.password() == null ? "" : database.password()));
        if (database.username() != null) {
            all.add("spring.datasource.username=" + database.username());
        }
        all.addAll(List.of(properties));
        return startAsConfigured(all.toArray(String[]::new));
    }

    /** The service on a fresh database with the test defaults, then the given properties. */
    public static TestApp start(String... properties) {
        return start(TestDatabase.newDatabase(), properties);
    }

    /**
     * The service with exactly the given {@code key=value} properties (the last value of a key wins), as command-line
     * arguments, which win over {@code application.yml}: for tests of how an operator configures it (the development
     * database, token files). {@link TestDatabaseInitializer} still gives it a fresh database and the test admin
     * token unless these properties say otherwise.
     */
    public static TestApp startAsConfigured(String... properties) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String property : properties) {
            int eq = property.indexOf('=');
            byKey.put(property.substring(0, eq), property.substring(eq + 1));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HpoApplication.class)
                .run(byKey.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return new TestApp(context);
    }

    /** Creates a study from its definition; returns its id. */
    public String createStudy(Map<String, Object> definition) {
        return http.createStudy(definition);
    }

    /** Starts the study, with a job-complete callback unless {@code callbackUrl} is null. */
    public void start(String studyId, String callbackUrl) {
        http.start(studyId, callbackUrl);
    }

    /** Asks the study to stop. */
    public void stop(String studyId) {
        http.stop(studyId);
    }

    /** A bean of the running service. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The service's own JDBC access to its database. */
    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** The running application context, for tests that look inside. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
