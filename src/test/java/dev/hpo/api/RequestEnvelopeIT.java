package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

/**
 * The cases the first fuzzing run of the service found, each named: a body that is not JSON, a query that is not
 * valid percent-encoded UTF-8 or that Tomcat cannot parse, an unparsable Accept, a method the path does not take.
 * Each is a 4xx RFC 9457 problem, never a 500 or another error format, and writes nothing.
 */
class RequestEnvelopeIT extends ApiTestBase {

    private static final String BODY = "{\"name\": \"t\"}";

    @Test
    void aBodyThatIsNotJsonIs415() {
        long before = count("base_experiment");
        for (String type : new String[] {"multipart/form-data; boundary=x", "multipart/form-data", "*/*",
                "application/*", "application/x-www-form-urlencoded", "text/plain", "not a type"}) {
            assertProblem(http.raw("POST", "/api/v1/base-experiments", type, null, BODY), 415, type);
        }
        assertThat(count("base_experiment")).isEqualTo(before);
    }

    @Test
    void aQueryThatIsNotValidPercentEncodedUtf8Is400NamingTheQuery() {
        String study = runningStudy(uniqueQueue());
        for (String query : new String[] {"title=%ff&series=loss&sign=min", "title=%c3%28&series=loss&sign=min",
                "title=validation&series=loss&sign=min&=", "title=validation&series=loss&sign=min&=x"}) {
            Http.Answer answer = http.raw("GET", "/api/v1/studies/" + study + "/top-experiments/by-metric?" + query,
                    null, null, null);
            assertProblem(answer, 400, query);
            assertThat(answer.firstErrorField()).isEqualTo("query");
        }
    }

    @Test
    void anAcceptThatIsNoMediaTypeIs406AndAnUnusableOneStillGetsAProblem() {
        assertProblem(http.raw("GET", "/api/v1/studies", null, "garbage", null), 406, "garbage");
        assertProblem(http.raw("GET", "/api/v1/studies/" + java.util.UUID.randomUUID(), null, "application/xml", null),
                404, "xml");
    }

    @Test
    void aMethodThePathDoesNotTakeIs405() {
        assertProblem(http.raw("TRACE", "/api/v1/studies", null, null, null), 405, "TRACE");
        assertProblem(http.raw("PATCH", "/api/v1/studies", "application/json", null, "{}"), 405, "PATCH");
        assertProblem(http.raw("DELETE", "/api/v1/base-experiments", null, null, null), 405, "DELETE");
    }

    private static void assertProblem(Http.Answer answer, int status, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(ContractFuzzer.isProblem(answer)).as(what + ": " + answer.contentType() + " " + answer.body()).isTrue();
    }
}
