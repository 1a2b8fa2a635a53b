package dev.hpo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL every database-backed test talks to, one server per test JVM, chosen in this order:
 * {@code TEST_DATABASE_URL} (a JDBC URL with {@code user}/{@code password} parameters) when set, else a
 * Testcontainers PostgreSQL when Docker answers, else an embedded PostgreSQL (io.zonky). Never skipped: if
 * none can start, the test fails and says why. It says once, at INFO, which one the tests use; Testcontainers' own
 * ERROR lines while it looks for Docker are kept quiet (no Docker is a normal case here, not a failure).
 *
 * <p>{@link #newDatabase()} creates a fresh, empty database on that server, so contexts never see each
 * other's rows; a test that restarts the service passes the same URL to both contexts.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestDatabase() {
    }

    /** A connection target: JDBC URL, user, password. */
    public record Target(String url, String username, String password) {
    }

    /** Creates a new empty database and returns how to reach it. */
    public static Target newDatabase() {
        Server s = server();
        String name = "hpo_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + s.adminUrl(), e);
        }
        return new Target(s.urlFor(name), s.username(), s.password());
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestDatabase.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private record Server(String adminUrl, String username, String password) {
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }
    }

    private static Server start() {
        String configured = System.getenv("TEST_DATABASE_URL");
        if (configured != null && !configured.isBlank()) {
            log.info("Tests use the PostgreSQL of TEST_DATABASE_URL");
            return new Server(configured, null, null);
        }
        String docker = dockerAvailable();
        if (docker == null) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            log.info("Tests use a Testcontainers PostgreSQL ({}) at {}", container.getDockerImageName(), container.getJdbcUrl());
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            log.info("Tests use an embedded PostgreSQL on port {} (no TEST_DATABASE_URL; {})", postgres.getPort(), docker);
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("no TEST_DATABASE_URL, no Docker, and the embedded PostgreSQL did not start", e);
        }
    }

    /** Null when Docker answers, else why not. Asks Testcontainers only when a Docker endpoint may exist. */
    private static String dockerAvailable() {
        if (dockerEndpoints().isEmpty()) {
            return "no Docker: no DOCKER_HOST, no Docker socket, no ~/.testcontainers.properties";
        }
        Logger probe = LoggerFactory.getLogger("org.testcontainers");
        ch.qos.logback.classic.Level before = null;
        if (probe instanceof ch.qos.logback.classic.Logger logback) {
            // it logs an ERROR for every strategy that finds no daemon before it answers false
            before = logback.getLevel();
            logback.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? null : "Docker did not answer";
        } catch (RuntimeException | LinkageError e) {
            return "Docker did not answer (" + e.getMessage() + ")";
        } finally {
            if (probe instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(before);
            }
        }
    }

    /** Where a Docker daemon may be reached from this machine, without asking it. */
    private static List<String> dockerEndpoints() {
        List<String> found = new ArrayList<>();
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            found.add(host);
        }
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                home.resolve(".testcontainers.properties"), home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            candidates.add(Path.of(runtime, "docker.sock"));
        }
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                found.add(candidate.toString());
            }
        }
        return found;
    }
}
