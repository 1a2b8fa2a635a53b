package dev.hpo.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestDatabase;
import dev.hpo.testsupport.TestTokens;

/**
 * The container's start (Dockerfile): {@code src/main/docker/cds-archive.sh} extracts the packaged jar and trains a
 * class data sharing archive without any database, and the service started from the extracted jar with that
 * archive takes its own classes from it and serves. {@code -Xshare:on} makes the JVM refuse to start when the archive
 * does not fit, instead of quietly starting without it. Fails, for example, when a bean starts to need the database
 * while the context is refreshed: the image's training run would then fail too.
 */
class CdsArchiveIT {

    @Test
    void theExtractedJarStartsWithItsClassesFromAnArchiveTrainedWithoutADatabase(@TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path app = dir.resolve("app");
        CdsArchiveScript.run(root, CdsArchiveScript.packagedJar(root), app, dir.resolve("cds-archive.log"));
        assertThat(app.resolve("app.jsa")).isNotEmptyFile();
        assertThat(app.resolve("app.jar")).isNotEmptyFile();
        assertThat(app.resolve(".hpo")).as("the training run writes no admin token file").doesNotExist();

        TestDatabase.Target database = TestDatabase.newDatabase();
        int port = freePort();
        Path classes = dir.resolve("classes.txt");
        List<String> command = List.of(CdsArchiveScript.java(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + app.resolve("app.jsa"), "-Xlog:class+load=info:file=" + classes,
                "-jar", app.resolve("app.jar").toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + (database.username() == null ? "postgres" : database.username()),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--hpo.security.admin-token=" + TestTokens.ADMIN);
        try (ServiceProcess service = ServiceProcess.start(command, dir, Map.of(), dir.resolve("service.log"), port)) {
            service.secondsToHealthUp(Duration.ofMinutes(3));
            assertThat(new Http(port).request("GET", "/api/v1/studies", null).status()).isEqualTo(200);
            assertThat(Files.readString(classes, StandardCharsets.UTF_8))
                    .contains("dev.hpo.HpoApplication source: shared objects file (top)")
                    .contains("org.springframework.context.support.AbstractApplicationContext source: shared objects file (top)");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
