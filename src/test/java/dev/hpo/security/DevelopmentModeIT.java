package dev.hpo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.hpo.testsupport.TestApp;

/**
 * The zero-set-up development mode as a developer gets it (embedded database, nothing configured): the server
 * listens on loopback only, and an admin token is generated into a file only its user can read; on the next start
 * the same token still works, and no other token was generated.
 */
class DevelopmentModeIT {

    @TempDir
    Path dir;

    @Test
    void listensOnLoopbackOnlyAndGeneratesAnOwnerOnlyAdminTokenFile() throws Exception {
        Path tokenFile = dir.resolve("hpo/admin-token");
        int dbPort = freePort();
        String secret;
        try (TestApp app = start(tokenFile, dbPort)) {
            Object address = ((TomcatWebServer) ((WebServerApplicationContext) app.context()).getWebServer()).getTomcat()
                    .getConnector().getProperty("address");
            assertThat(address).isInstanceOf(InetAddress.class);
            assertThat(((InetAddress) address).isLoopbackAddress()).isTrue();

            assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            secret = Files.readString(tokenFile).strip();
            assertThat(app.http.as(secret).get("/api/v1/tokens").status()).isEqualTo(200);
            assertThat(app.http.as(null).get("/api/v1/tokens").status()).isEqualTo(401);
        }
        try (TestApp again = start(tokenFile, dbPort)) {
            assertThat(Files.readString(tokenFile).strip()).isEqualTo(secret);
            assertThat(again.http.as(secret).get("/api/v1/tokens").status()).isEqualTo(200);
            assertThat(again.bean(TokenStore.class).list()).hasSize(1);
        }
    }

    private TestApp start(Path tokenFile, int dbPort) {
        return TestApp.startAsConfigured(
                "hpo.test.unmanaged=true",
                "server.port=0",
                "hpo.dev-database.directory=" + dir.resolve("postgres"),
                "hpo.dev-database.port=" + dbPort,
                "hpo.security.admin-token-file=" + tokenFile,
                "hpo.loop.enabled=false",
                "logging.level.root=WARN");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
