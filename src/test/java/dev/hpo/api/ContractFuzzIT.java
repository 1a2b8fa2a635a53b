package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

/**
 * A bounded, seeded run of {@link ContractFuzzer} against the real service: about 1,500 hostile requests over every
 * operation of the contract, with real ids mixed in. No answer may be a 5xx, and every error must be an RFC 9457
 * problem detail. {@code -Dfuzz.seed=} and {@code -Dfuzz.requests=} repeat or widen a run; the 10,000-request run is
 * {@link ContractFuzzBenchmark}.
 */
class ContractFuzzIT extends ApiTestBase {

    @Test
    void noHostileRequestGetsA5xxOrAnErrorThatIsNotAProblemDetail() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20_261_203L);
        int requests = Integer.getInteger("fuzz.requests", 1_500);
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        List<String> ids = new ArrayList<>(List.of(study, baseExperiment()));
        insertExperiments(study, 3, queue).forEach(id -> ids.add(id.toString()));
        Http.Answer token = http.post("/api/v1/tokens", "{\"name\": \"fuzz\", \"role\": \"viewer\"}");
        ids.add(token.json().get("id").asString());

        ContractFuzzer fuzzer = new ContractFuzzer(Path.of("api/openapi.yaml"), ids, seed);
        assertThat(fuzzer.operationCount()).isGreaterThan(25);
        ContractFuzzer.Result result = fuzzer.run(http, requests);

        assertThat(result.samples()).as("seed " + seed + ": " + result).isEmpty();
        assertThat(result.serverErrors()).isZero();
        assertThat(result.notProblems()).isZero();
        // the run reached the service's own checks, not only the front door
        assertThat(result.byStatus()).containsKeys(200, 400, 404);
    }
}
