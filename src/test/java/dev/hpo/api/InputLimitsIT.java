package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestTokens;

/**
 * The documented size limits (README, "Limits"): oversized input is a 400 naming the field, or a 413 for a body
 * past the request size limit, and nothing is written.
 */
class InputLimitsIT extends ApiTestBase {

    private static final String OBJECTIVE = "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]";

    private static String study(String base, String parameters, String extra) {
        return """
                {"name": "s", "baseExperimentId": "%s", "parameters": %s, "objectives": %s%s}"""
                .formatted(base, parameters, OBJECTIVE, extra);
    }

    /** {"p0": 0, "p1": 1, ...} with {@code count} keys. */
    private static String manyKeys(int count) {
        StringJoiner keys = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < count; i++) {
            keys.add("\"p" + i + "\": " + i);
        }
        return keys.toString();
    }

    /** [0, 1, 2, ...] with {@code count} numbers. */
    private static String manyValues(int count) {
        StringJoiner values = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < count; i++) {
            values.add(Integer.toString(i));
        }
        return values.toString();
    }

    @Test
    void rejectsABaseExperimentWithTooManyOrTooLongParameterNames() {
        // given the limits: 1,000 parameter keys of at most 200 characters
        long before = count("base_experiment");

        // when a base experiment goes past them
        Http.Answer tooMany = http.post("/api/v1/base-experiments",
                "{\"name\": \"t\", \"parameters\": " + manyKeys(1001) + "}");
        Http.Answer tooLong = http.post("/api/v1/base-experiments",
                "{\"name\": \"t\", \"parameters\": {\"" + "n".repeat(201) + "\": 1}}");

        // then each is a 400 naming parameters, and nothing is stored
        assertBadRequest(tooMany, "parameters");
        assertBadRequest(tooLong, "parameters");
        assertThat(count("base_experiment")).isEqualTo(before);

        // and the limits themselves are accepted
        Http.Answer atLimit = http.post("/api/v1/base-experiments",
                "{\"name\": \"t\", \"parameters\": " + manyKeys(1000).replace("\"p0\"", "\"" + "n".repeat(200) + "\"") + "}");
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
    }

    @Test
    void rejectsSearchSpacesPastTheLimitsNamingTheField() {
        // given a base experiment
        String base = baseExperiment();
        long before = count("study");

        // when a study's space has too many values, combinations or parameters, or too long a name
        Http.Answer values = http.post("/api/v1/studies", study(base,
                "[{\"type\": \"discrete\", \"name\": \"x\", \"values\": " + manyValues(10_001) + "}]", ""));
        Http.Answer name = http.post("/api/v1/studies", study(base,
                "[{\"type\": \"uniform\", \"name\": \"" + "x".repeat(201) + "\", \"min\": 0, \"max\": 1}]", ""));
        StringJoiner combinations = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < 50_000; i++) { // pairwise repeat checks would take minutes: refused before decoding
            combinations.add("{\"a\": " + i + "}");
        }
        Http.Answer sets = http.post("/api/v1/studies", study(base,
                "[{\"type\": \"parameter_set\", \"combinations\": " + combinations + "}]", ""));
        StringJoiner nested = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < 1001; i++) {
            nested.add("\"n" + i + "\": {\"type\": \"uniform\", \"min\": 0, \"max\": 1}");
        }
        Http.Answer parameters = http.post("/api/v1/studies", study(base,
                "[{\"type\": \"parameter_set\", \"combinations\": [" + nested + "]}]", ""));
        Http.Answer nestedValues = http.post("/api/v1/studies", study(base,
                "[{\"type\": \"parameter_set\", \"combinations\": [{\"opt\": {\"type\": \"discrete\", \"values\": "
                        + manyValues(10_001) + "}}]}]", ""));
        Http.Answer settings = http.post("/api/v1/studies", study(base,
                "[{\"type\": \"uniform\", \"name\": \"x\", \"min\": 0, \"max\": 1}]",
                ", \"strategy\": {\"name\": \"random\", \"settings\": " + manyKeys(101) + "}"));

        // then each is a 400 naming the field, and nothing is stored
        assertBadRequest(values, "parameters[0].values");
        assertBadRequest(name, "parameters[0].name");
        assertBadRequest(sets, "parameters[0].combinations");
        assertBadRequest(parameters, "parameters");
        assertBadRequest(nestedValues, "parameters[0].combinations[0].opt.values");
        assertBadRequest(settings, "strategy.settings");
        assertThat(count("study")).isEqualTo(before);

        // and a discrete list of exactly 10,000 values and a set of exactly 1,000 combinations are accepted
        StringJoiner thousand = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < 1_000; i++) {
            thousand.add("{\"a\": " + i + "}");
        }
        Http.Answer atLimit = http.post("/api/v1/studies", study(base,
                "[{\"type\": \"discrete\", \"name\": \"x\", \"values\": " + manyValues(10_000) + "}, "
                        + "{\"type\": \"parameter_set\", \"combinations\": " + thousand + "}]", ""));
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
    }

    @Test
    void answersABodyPastTheSizeLimitWith413BeforeReadingIt() throws IOException {
        // given a client announcing a 50 MB JSON body
        long before = count("base_experiment");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/base-experiments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + TestTokens.bearer(TestTokens.ADMIN) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n"
                    + "{\"name\": \"t\", \"parameters\": {\"x\": \"").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // when the service answers (without waiting for the rest of the body)
            String head = readHead(socket.getInputStream());

            // then it is a 413 problem, and nothing was stored
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
        }
        assertThat(count("base_experiment")).isEqualTo(before);
    }

    @Test
    void answersAChunkedBodyPastTheSizeLimitWith413() {
        // given a 3 MB body sent without a length (HttpClient streams a publisher of unknown length chunked)
        String big = "{\"name\": \"t\", \"parameters\": {\"x\": \"" + "a".repeat(3 * 1024 * 1024) + "\"}}";
        long before = count("base_experiment");

        // when it is posted
        Http.Answer answer = http.postChunked("/api/v1/base-experiments", big);

        // then it is a 413 problem naming the body, and nothing was stored
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.firstErrorField()).isEqualTo("body");
        assertThat(count("base_experiment")).isEqualTo(before);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
