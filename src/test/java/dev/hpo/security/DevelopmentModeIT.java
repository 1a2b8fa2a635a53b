package dev.hpo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hpo.HpoApplication;
import dev.hpo.testsupport.TestTokens;

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
        try (ConfigurableApplicationContext context = start(tokenFile, dbPort)) {
            Object address = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat()
                    .getConnector().getProperty("address");
            assertThat(address).isInstanceOf(InetAddress.class);
            assertThat(((InetAddress) address).isLoopbackAddress()).isTrue();

            assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            secret = Files.readString(tokenFile).strip();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            assertThat(get(port, "/api/v1/tokens", secret)).isEqualTo(200);
            assertThat(get(port, "/api/v1/tokens", null)).isEqualTo(401);
        }
        try (ConfigurableApplicationContext again = start(tokenFile, dbPort)) {
            int port = ((WebServerApplicationContext) again).getWebServer().getPort();
            assertThat(Files.readString(tokenFile).strip()).isEqualTo(secret);
            assertThat(get(port, "/api/v1/tokens", secret)).isEqualTo(200);
            assertThat(again.getBean(TokenStore.class).list()).hasSize(1);
        }
    }

    private ConfigurableApplicationContext start(Path tokenFile, int dbPort) {
        return new SpringApplicationBuilder(HpoApplication.class).run(
                "--hpo.test.unmanaged=true",
                "--server.port=0",
                "--hpo.dev-database.directory=" + dir.resolve("postgres"),
                "--hpo.dev-database.port=" + dbPort,
                "--hpo.security.admin-token-file=" + tokenFile,
                "--hpo.loop.enabled=false",
                "--logging.level.root=WARN");
    }

    private static int get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
