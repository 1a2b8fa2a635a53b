package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestTokens;

/** The service's root address leads to Swagger UI instead of a 404. */
class RootRedirectIT extends ApiTestBase {

    @Test
    void theRootRedirectsToSwaggerUi() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> root = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(root.statusCode()).isEqualTo(302);
        String location = root.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create("http://localhost:" + port + "/").resolve(location).getPath()).isEqualTo("/swagger-ui.html");
    }
}
