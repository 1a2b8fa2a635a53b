package dev.hpo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;

/** The root address serves the dashboard, and every file it loads comes from the service itself (no CDN). */
class DashboardFilesIT extends ApiTestBase {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootIsTheDashboardAndItsScriptsAndChartsAreServedByTheService() throws Exception {
        HttpResponse<String> root = get("/");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(root.body()).contains("hpo-service dashboard", "/swagger-ui.html")
                .doesNotContain("http://", "https://");
        for (String path : new String[] {"/webjars/echarts/5.3.1/dist/echarts.min.js", "/assets/js/main.js",
                "/assets/dashboard.css"}) {
            HttpResponse<String> file = get(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(root.body()).as("index.html names " + path).contains(path);
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-cache");
        }
    }
}
