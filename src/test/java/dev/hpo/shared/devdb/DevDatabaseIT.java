package dev.hpo.shared.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabaseInitializer;
import dev.hpo.testsupport.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two services started in development mode from two folders, at the same time, each get their own embedded
 * database (the second one once silently used the first one's server, which held the fixed port), and a
 * configured port that is taken stops the service with a message naming the setting.
 */
class DevDatabaseIT {

    @TempDir
    static Path folders;

    private static TestApp first;
    private static TestApp second;

    @BeforeAll
    static void startTwoServices() {
        first = start(folders.resolve("one/.hpo/postgres"), 0);
        second = start(folders.resolve("two/.hpo/postgres"), 0);
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void eachServiceKeepsItsDataInItsOwnFolder() throws IOException {
        assertThat(Path.of(dataDirectory(first))).isEqualTo(folders.resolve("one/.hpo/postgres").toRealPath());
        assertThat(Path.of(dataDirectory(second))).isEqualTo(folders.resolve("two/.hpo/postgres").toRealPath());
        assertThat(first.bean(EmbeddedPostgres.class).getPort())
                .isNotEqualTo(second.bean(EmbeddedPostgres.class).getPort());
    }

    @Test
    void whatOneServiceStoresTheOtherDoesNotList() {
        Http.Answer created = first.http.post("/api/v1/base-experiments",
                "{\"name\": \"only-in-one\", \"project\": \"devdb\", \"parameters\": {}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(first.http.get("/api/v1/base-experiments").body()).contains("only-in-one");
        Http.Answer other = second.http.get("/api/v1/base-experiments");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).doesNotContain("only-in-one");
    }

    @Test
    void aServerWithAnotherDataFolderIsRefused() {
        EmbeddedPostgres postgres = first.bean(EmbeddedPostgres.class);
        assertThatThrownBy(() -> DevDatabaseConfiguration.requireOwnServer(postgres,
                folders.resolve("two/.hpo/postgres").toRealPath()))
                .isInstanceOf(DevDatabaseException.class)
                .hasMessageContaining("hpo.dev-database.port")
                .hasMessageContaining("another service's development database");
    }

    @Test
    void aConfiguredPortThatIsTakenStopsTheServiceNamingTheSetting() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Path folder = folders.resolve("three/.hpo/postgres");
            // the failure report is expected here: kept out of the test log, where it would read as a failure
            assertThatThrownBy(() -> start(folder, holder.getLocalPort(),
                    "logging.level.org.springframework.boot.diagnostics=OFF"))
                    .rootCause()
                    .isInstanceOf(DevDatabaseException.class)
                    .hasMessageContaining("port " + holder.getLocalPort())
                    .hasMessageContaining("hpo.dev-database.port");
            assertThat(folder.resolve("PG_VERSION")).as("no database was created").doesNotExist();
        }
    }

    @Test
    void aServerLeftRunningOnTheFolderByAKilledServiceIsStoppedAndTheServiceStarts() throws Exception {
        Path folder = folders.resolve("four/.hpo/postgres");
        Files.createDirectories(folder);
        Path real = folder.toRealPath();
        // what kill -9 of a service leaves: a JVM that started the embedded server is killed, the server runs on
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServerProcess.class.getName(), real.toString())
                .redirectErrorStream(true).start();
        long leftover;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(service.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                // the embedded server's start-up lines
            }
            assertThat(line).as("the embedded server started in the other JVM").isEqualTo("ready");
            leftover = LeftoverServer.pid(real).orElseThrow();
            service.destroyForcibly();
            service.waitFor();
        }
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).as("the server outlives it").contains(true);
        TestApp app = null;
        try {
            app = start(folder, 0);

            assertThat(Path.of(dataDirectory(app))).isEqualTo(real);
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false))
                    .as("the leftover server was stopped").isFalse();
        } finally {
            if (app != null) {
                app.close();
            }
            ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static TestApp start(Path directory, int port, String... more) {
        List<String> properties = new ArrayList<>(List.of(
                TestDatabaseInitializer.USE_DEV_DATABASE + "=true",
                "hpo.dev-database.directory=" + directory,
                "hpo.dev-database.port=" + port,
                "hpo.security.admin-token=" + TestTokens.ADMIN,
                "hpo.loop.enabled=false",
                "server.port=0"));
        properties.addAll(List.of(more));
        return TestApp.startAsConfigured(properties.toArray(String[]::new));
    }

    private static String dataDirectory(TestApp app) {
        return app.jdbc().queryForObject("SHOW data_directory", String.class);
    }
}
