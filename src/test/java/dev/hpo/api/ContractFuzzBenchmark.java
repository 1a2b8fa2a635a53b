package dev.hpo.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;

/**
 * The long fuzz run: {@link ContractFuzzer} with 10,000 requests (or {@code args[0]}, seed {@code args[1]}) against
 * the service with its study loop on, over a fresh test database. Prints the counts; exits 1 when any answer was a
 * 5xx or a non-problem error. Run:
 * {@code ./mvnw -q -Pfuzz test-compile exec:java [-Dexec.args="10000 42"]}
 */
public final class ContractFuzzBenchmark {

    private ContractFuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20_261_203L;
        ContractFuzzer.Result result;
        try (TestApp app = TestApp.start()) {
            Http http = app.http;
            List<String> ids = new ArrayList<>();
            String base = http.post("/api/v1/base-experiments", "{\"name\": \"fuzz\", \"parameters\": {\"x\": 1}}")
                    .json().get("id").asString();
            String study = http.post("/api/v1/studies", """
                    {"name": "fuzz", "baseExperimentId": "%s", "maxConcurrentExperiments": 4,
                     "parameters": [{"type": "uniform", "name": "x", "min": 0, "max": 1}],
                     "objectives": [{"title": "validation", "series": "loss", "sign": "min"}],
                     "backend": "queue", "executionQueue": "default"}""".formatted(base)).json().get("id").asString();
            http.post("/api/v1/studies/" + study + "/start", null);
            ids.add(base);
            ids.add(study);
            ids.add(http.post("/api/v1/tokens", "{\"name\": \"fuzz\", \"role\": \"worker\"}").json().get("id").asString());
            Http.Answer leased = http.post("/api/v1/queues/default/lease", "{\"workerId\": \"fuzz\"}");
            if (leased.status() == 200) {
                ids.add(leased.json().get("id").asString());
            }
            long started = System.nanoTime();
            ContractFuzzer fuzzer = new ContractFuzzer(Path.of("api/openapi.yaml"), ids, seed);
            // in rounds of 1,000 (the same seeded sequence), with the running totals after each
            result = new ContractFuzzer.Result(0, 0, 0, new java.util.TreeMap<>(), new ArrayList<>());
            while (result.requests() < requests) {
                ContractFuzzer.Result round = fuzzer.run(http, Math.min(1_000, requests - result.requests()));
                result = result.plus(round);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("contract fuzz, seed %d: %s in %.1f s (%.1f requests/s)%n", seed, result, seconds,
                        result.requests() / seconds);
            }
            result.samples().forEach(sample -> System.out.println("  " + sample));
        }
        System.exit(result.serverErrors() == 0 && result.notProblems() == 0 ? 0 : 1);
    }
}
