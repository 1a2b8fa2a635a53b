package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.hpo.backend.ExperimentBackend;
import dev.hpo.backend.LaunchRequest;
import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

@Import(StudyApiIT.DisabledBackend.class)
class StudyApiIT extends ApiTestBase {

    /** A backend the operator has not enabled, to check the 422 that says so. */
    @TestConfiguration
    static class DisabledBackend {
        @Bean
        ExperimentBackend disabledTestBackend() {
            return new ExperimentBackend() {
                public String name() { return "disabled-test"; }
                public boolean enabled() { return false; }
                public void launch(LaunchRequest request) { }
                public void abort(UUID experimentId) { }
            };
        }
    }

    private static final String OBJECTIVE = "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]";

    private String body(String base, String extra) {
        return """
                {"name": "lr-search", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "General/lr", "min": 0.01, "max": 0.3, "step": 0.05},
                                {"type": "discrete", "name": "General/network", "values": ["ResNet18", "ResNet50"]}],
                 "objectives": %s%s}""".formatted(base, OBJECTIVE, extra);
    }

    @Test
    void givesAStudyWithSeveralObjectivesAMultiObjectiveStrategyByDefault() {
        String base = baseExperiment();

        Http.Answer created = http.post("/api/v1/studies", """
                {"name": "two-goals", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "General/lr", "min": 0.01, "max": 0.3}],
                 "objectives": [{"title": "validation", "series": "loss", "sign": "min"},
                                {"title": "validation", "series": "accuracy", "sign": "max"}]}""".formatted(base));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("strategy").get("name").asString()).isEqualTo("auto");
        assertThat(created.json().get("strategy").get("settings").get("resolvedTo").asString()).isEqualTo("tpe");
    }

    @Test
    void recordsWhatTheAutoStrategyChoseForAStudyWithoutAStrategy() {
        String base = baseExperiment();

        Http.Answer created = http.post("/api/v1/studies", """
                {"name": "small-numeric", "baseExperimentId": "%s", "totalMaxJobs": 40,
                 "parameters": [{"type": "uniform", "name": "General/lr", "min": 0.01, "max": 0.3},
                                {"type": "uniform_integer", "name": "General/layers", "min": 1, "max": 8}],
                 "objectives": %s}""".formatted(base, OBJECTIVE));
        Http.Answer unbudgeted = http.post("/api/v1/studies", body(base, ""));
        String id = created.json().get("id").asString();
        Http.Answer optimizer = http.get("/api/v1/studies/" + id + "/optimizer");
        Http.Answer read = http.get("/api/v1/studies/" + id);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("strategy").get("name").asString()).isEqualTo("auto");
        assertThat(optimizer.json().get("strategy").asString()).isEqualTo("auto");
        assertThat(optimizer.json().get("settings").get("resolvedTo").asString()).isEqualTo("gp");
        assertThat(read.json().get("strategy").get("settings").get("resolvedTo").asString()).isEqualTo("gp");
        assertThat(unbudgeted.json().get("strategy").get("settings").get("resolvedTo").asString()).isEqualTo("tpe");
    }

    @Test
    void rejectsAnAutoStudyWhoseRecordedStrategyIsNotOffered() {
        String base = baseExperiment();

        Http.Answer answer = http.post("/api/v1/studies", body(base,
                ", \"strategy\": {\"name\": \"auto\", \"settings\": {\"resolvedTo\": \"grid\"}}"));

        assertUnusable(answer, "strategy.settings");
    }

    @Test
    void createsAStudyAsTheFixedContractShowsWithDefaults() {
        String base = baseExperiment();
        Http.Answer created = http.post("/api/v1/studies", """
                {"name": "lr-search", "baseExperimentId": "%s",
                 "parameters": [
                   {"type": "uniform", "name": "General/lr", "min": 0.01, "max": 0.3, "step": 0.05},
                   {"type": "discrete", "name": "General/network", "values": ["ResNet18", "ResNet50"]}],
                 "objectives": [{"title": "validation", "series": "loss", "sign": "min"}],
                 "strategy": {"name": "random", "seed": 42, "settings": {}},
                 "backend": "queue", "executionQueue": "default",
                 "maxConcurrentExperiments": 5, "totalMaxJobs": 50,
                 "timeLimitPerJobMinutes": 120}""".formatted(base));
        Http.Answer minimal = http.post("/api/v1/studies", body(base, ""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("CREATED");
        assertThat(created.json().get("strategy").get("seed").asLong()).isEqualTo(42);
        assertThat(created.json().get("maxConcurrentExperiments").asInt()).isEqualTo(5);
        // the limits are shown at the top level, as they were given, not as their stored object
        assertThat(created.json().get("totalMaxJobs").asInt()).isEqualTo(50);
        assertThat(created.json().get("timeLimitPerJobMinutes").asDouble()).isEqualTo(120.0);
        assertThat(created.json().has("limits")).isFalse();
        assertThat(created.json().get("parameters").get(0).get("includeMax").asBoolean()).isTrue();
        String id = created.json().get("id").asString();
        assertThat(http.get("/api/v1/studies/" + id).json().get("name").asString()).isEqualTo("lr-search");

        assertThat(minimal.status()).isEqualTo(201);
        assertThat(minimal.json().get("strategy").get("name").asString()).isEqualTo("auto");
        assertThat(minimal.json().get("strategy").get("seed").asLong()).isBetween(0L, 1L << 53);
        assertThat(minimal.json().get("maxConcurrentExperiments").asInt()).isEqualTo(1);
        assertThat(minimal.json().get("backend").asString()).isEqualTo("queue");
        assertThat(minimal.json().get("executionQueue").asString()).isEqualTo("default");
        assertThat(minimal.json().get("reportPeriodMinutes").asDouble()).isEqualTo(5.0);
    }

    @Test
    void takesANullEarlyStoppingSettingAsAbsentAndStartsTheStudy() {
        String base = baseExperiment();
        Http.Answer created = http.post("/api/v1/studies",
                body(base, ", \"earlyStopping\": {\"rule\": \"median\", \"settings\": {\"warmupFraction\": null}}"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(http.get("/api/v1/studies/" + id).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/studies/" + id + "/start", (String) null).status()).isEqualTo(200);
    }

    @Test
    void listsStudiesPagedAndByStatus() {
        String base = baseExperiment();
        String a = http.post("/api/v1/studies", body(base, "")).json().get("id").asString();
        String b = http.post("/api/v1/studies", body(base, "")).json().get("id").asString();
        http.post("/api/v1/studies/" + b + "/start", null);

        Http.Answer running = http.get("/api/v1/studies?status=RUNNING&size=500");
        Http.Answer page = http.get("/api/v1/studies?size=1&page=0");

        assertThat(running.json().get("items").valueStream().map(n -> n.get("id").asString()))
                .contains(b).doesNotContain(a);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get("/api/v1/studies?status=BOGUS").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/studies?size=0").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/studies?page=-1").status()).isEqualTo(400);
    }

    @Test
    void startsOnceAndStopsACreatedStudyAtOnce() {
        String base = baseExperiment();
        String id = http.post("/api/v1/studies", body(base, ", \"optimizationTimeLimitMinutes\": 30")).json().get("id").asString();
        Http.Answer before = http.get("/api/v1/studies/" + id + "/status");
        // a public address (TEST-NET-3, which no host answers), so it is allowed; the loop is off, so never called
        Http.Answer started = http.post("/api/v1/studies/" + id + "/start", "{\"jobCompleteCallbackUrl\": \"https://203.0.113.10/hook\"}");
        Http.Answer again = http.post("/api/v1/studies/" + id + "/start", null);
        Http.Answer status = http.get("/api/v1/studies/" + id + "/status");

        assertThat(before.json().get("elapsedMinutes").asDouble()).isEqualTo(-1);
        assertThat(before.json().get("active").asBoolean()).isFalse();
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
        assertThat(started.json().get("jobCompleteCallbackUrl").asString()).isEqualTo("https://203.0.113.10/hook");
        assertThat(Instant.parse(started.json().get("deadline").asString()))
                .isEqualTo(Instant.parse(started.json().get("startedAt").asString()).plusSeconds(1800));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("status").asInt()).isEqualTo(409);
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("RUNNING");
        assertThat(status.json().get("active").asBoolean()).isTrue();
        assertThat(status.json().get("elapsedMinutes").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(status.json().get("reachedTimeLimit").asBoolean()).isFalse();
        assertThat(status.json().get("activeExperiments").asLong()).isZero();

        String other = http.post("/api/v1/studies", body(base, "")).json().get("id").asString();
        Http.Answer stopped = http.post("/api/v1/studies/" + other + "/stop", null);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.json().get("statusReason").asString()).isEqualTo("stopped_by_user");
        assertThat(http.post("/api/v1/studies/" + other + "/stop", null).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/studies/" + other + "/start", null).status()).isEqualTo(409);

        Http.Answer stopping = http.post("/api/v1/studies/" + id + "/stop", "{}");
        assertThat(stopping.json().get("status").asString()).isEqualTo("STOPPING");
    }

    @Test
    void changesTimeLimitReportPeriodAndBackendAndShowsTheOptimizer() {
        String base = baseExperiment();
        String id = http.post("/api/v1/studies", body(base, ", \"strategy\": {\"seed\": 9}")).json().get("id").asString();

        Http.Answer backend = http.put("/api/v1/studies/" + id + "/backend", "{\"backend\": \"queue\", \"executionQueue\": \"gpu\"}");
        Http.Answer period = http.put("/api/v1/studies/" + id + "/report-period", "{\"reportPeriodMinutes\": 0.5}");
        Http.Answer beforeStart = http.put("/api/v1/studies/" + id + "/time-limit", "{\"inMinutes\": 10}");
        http.post("/api/v1/studies/" + id + "/start", null);
        Instant at = Instant.now().plusSeconds(7200);
        Http.Answer absolute = http.put("/api/v1/studies/" + id + "/time-limit", "{\"specificTime\": \"" + at + "\"}");
        Http.Answer optimizer = http.get("/api/v1/studies/" + id + "/optimizer");
        Http.Answer lateBackend = http.put("/api/v1/studies/" + id + "/backend", "{\"backend\": \"queue\"}");
        Http.Answer report = http.get("/api/v1/studies/" + id + "/report");

        assertThat(backend.json().get("executionQueue").asString()).isEqualTo("gpu");
        assertThat(period.json().get("reportPeriodMinutes").asDouble()).isEqualTo(0.5);
        assertThat(beforeStart.json().get("timeLimit").isNull()).isTrue();
        assertThat(http.get("/api/v1/studies/" + id).json().get("deadline").isNull()).isFalse();
        assertThat(Instant.parse(absolute.json().get("timeLimit").asString())).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        // the change before start was stored in the study's limits (a change after start moves only the deadline)
        assertThat(http.get("/api/v1/studies/" + id).json().get("optimizationTimeLimitMinutes").asDouble()).isEqualTo(10.0);
        assertThat(optimizer.json().get("strategy").asString()).isEqualTo("auto");
        assertThat(optimizer.json().get("settings").get("resolvedTo").asString()).isEqualTo("tpe");
        assertThat(optimizer.json().get("seed").asLong()).isEqualTo(9);
        assertThat(lateBackend.status()).isEqualTo(409);
        assertThat(report.status()).isEqualTo(204);
    }

    @Test
    void servesTheStrategyAndEarlyStoppingCatalogs() {
        Http.Answer strategies = http.get("/api/v1/strategies");
        Http.Answer rules = http.get("/api/v1/early-stopping-rules");

        assertThat(strategies.json().valueStream().map(n -> n.get("name").asString())).contains("grid", "random", "gp", "auto");
        assertThat(rules.json().valueStream().map(n -> n.get("name").asString())).contains("median", "asha");
    }

    @Test
    void rejectsMalformedStudiesWith400AndWritesNothing() {
        String base = baseExperiment();
        long before = count("study");
        assertBadRequest(http.post("/api/v1/studies", "{"), "body");
        assertBadRequest(http.post("/api/v1/studies", null), "body");
        assertBadRequest(http.post("/api/v1/studies", "{\"baseExperimentId\": \"" + base + "\"}"), null);
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"surprise\": 1")), "surprise");
        assertBadRequest(http.post("/api/v1/studies", body("not-a-uuid", "")), "baseExperimentId");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"maxConcurrentExperiments\": \"5\"")), "maxConcurrentExperiments");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"maxConcurrentExperiments\": 1.5")), "maxConcurrentExperiments");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"maxConcurrentExperiments\": 0")), "maxConcurrentExperiments");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"totalMaxJobs\": 1e20")), "totalMaxJobs");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"optimizationTimeLimitMinutes\": 1e400")), "optimizationTimeLimitMinutes");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"optimizationTimeLimitMinutes\": NaN")), null);
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"timeLimitPerJobMinutes\": -1")), "timeLimitPerJobMinutes");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"name\": 5").replace("\"name\": \"lr-search\",", "")), "name");
        assertBadRequest(http.post("/api/v1/studies", body(base, ", \"strategy\": {\"seed\": -1}")), "strategy.seed");
        assertBadRequest(http.post("/api/v1/studies", body(base, "").replace(OBJECTIVE, "[]")), "objectives");
        assertBadRequest(http.post("/api/v1/studies", body(base, "").replace(OBJECTIVE, "[{\"title\": \"\", \"series\": \"s\", \"sign\": \"min\"}]")), "objectives[0].title");
        assertThat(count("study")).isEqualTo(before);
    }

    @Test
    void rejectsUnusableStudiesWith422AndUnknownBaseWith404AndWritesNothing() {
        String base = baseExperiment();
        long before = count("study");
        Http.Answer unknownBase = http.post("/api/v1/studies", body(UUID.randomUUID().toString(), ""));
        assertThat(unknownBase.status()).isEqualTo(404);
        assertThat(unknownBase.contentType()).contains("application/problem+json");

        assertUnusable(http.post("/api/v1/studies", body(base, "").replace("\"min\": 0.01, \"max\": 0.3", "\"min\": 0.5, \"max\": 0.3")), "parameters[0].max");
        assertUnusable(http.post("/api/v1/studies", body(base, "").replace("\"type\": \"uniform\"", "\"type\": \"gaussian\"")), "parameters[0].type");
        assertUnusable(http.post("/api/v1/studies", body(base, "").replace("\"sign\": \"min\"", "\"sign\": \"smallest\"")), "objectives[0].sign");
        assertUnusable(http.post("/api/v1/studies", body(base, "").replace(OBJECTIVE, "[" + OBJECTIVE.substring(1, OBJECTIVE.length() - 1) + "," + OBJECTIVE.substring(1))), "objectives[1]");
        assertUnusable(http.post("/api/v1/studies", body(base, ", \"strategy\": {\"name\": \"simulated-annealing\"}")), "strategy.name");
        assertUnusable(http.post("/api/v1/studies", body(base, ", \"strategy\": {\"name\": \"random\", \"settings\": {\"bogus\": 1}}")), "strategy.settings");
        assertUnusable(http.post("/api/v1/studies", body(base, ", \"earlyStopping\": {\"rule\": \"never\"}")), "earlyStopping.rule");
        assertUnusable(http.post("/api/v1/studies", body(base, ", \"earlyStopping\": {\"rule\": \"median\", \"settings\": {\"bogus\": true}}")), "earlyStopping.settings");
        // a null setting counts as absent, as for strategies: an unknown one is still unknown (it was a 500)
        assertUnusable(http.post("/api/v1/studies", body(base, ", \"earlyStopping\": {\"rule\": \"median\", \"settings\": {\"bogus\": null}}")), "earlyStopping.settings");
        assertUnusable(http.post("/api/v1/studies", body(base, ", \"backend\": \"kubernetes\"")), "backend");
        Http.Answer disabled = http.post("/api/v1/studies", body(base, ", \"backend\": \"disabled-test\""));
        assertUnusable(disabled, "backend");
        assertThat(disabled.json().get("detail").asString()).contains("disabled");
        assertUnusable(http.post("/api/v1/studies", body(base, ", \"minIterationPerJob\": 10, \"maxIterationPerJob\": 5")), "minIterationPerJob");
        assertThat(count("study")).isEqualTo(before);
    }

    @Test
    void refusesLogUniformExponentsThatLookLikeValuesWithAHintAndWritesNothing() {
        String base = baseExperiment();
        long before = count("study");
        String values = "{\"type\": \"log_uniform\", \"name\": \"General/lr\", \"min\": 0.0001, \"max\": 0.1}";

        Http.Answer refused = http.post("/api/v1/studies", body(base, "").replace(
                "{\"type\": \"uniform\", \"name\": \"General/lr\", \"min\": 0.01, \"max\": 0.3, \"step\": 0.05}", values));
        assertUnusable(refused, "parameters[0].min");
        assertThat(refused.json().get("detail").asString())
                .contains("exponents", "\"min\": -4.0, \"max\": -1.0", "\"base\": 10");
        Http.Answer nested = http.post("/api/v1/studies", body(base, "").replace(
                "{\"type\": \"uniform\", \"name\": \"General/lr\", \"min\": 0.01, \"max\": 0.3, \"step\": 0.05}",
                "{\"type\": \"parameter_set\", \"combinations\": [{\"General/lr\": " + values + "}]}"));
        assertUnusable(nested, "parameters[0].combinations[0].General/lr.min");
        assertThat(count("study")).isEqualTo(before);

        Http.Answer meant = http.post("/api/v1/studies", body(base, "").replace(
                "{\"type\": \"uniform\", \"name\": \"General/lr\", \"min\": 0.01, \"max\": 0.3, \"step\": 0.05}",
                values.replace("}", ", \"base\": 10}")));
        assertThat(meant.status()).as("an explicit base says these are exponents: " + meant.body()).isEqualTo(201);
    }

    @Test
    void rejectsBadInputOnEveryStudyEndpoint() {
        String base = baseExperiment();
        String id = http.post("/api/v1/studies", body(base, "")).json().get("id").asString();
        String unknown = UUID.randomUUID().toString();

        assertThat(http.get("/api/v1/studies/" + unknown).status()).isEqualTo(404);
        assertBadRequest(http.get("/api/v1/studies/xyz"), "id");
        assertBadRequest(http.post("/api/v1/studies/" + id + "/start", "{\"jobCompleteCallbackUrl\": \"ftp://x/y\"}"), "jobCompleteCallbackUrl");
        assertBadRequest(http.post("/api/v1/studies/" + id + "/start", "{\"jobCompleteCallbackUrl\": \"not a url\"}"), "jobCompleteCallbackUrl");
        assertThat(http.get("/api/v1/studies/" + id).json().get("status").asString()).isEqualTo("CREATED");
        assertThat(http.post("/api/v1/studies/" + unknown + "/start", null).status()).isEqualTo(404);
        assertBadRequest(http.post("/api/v1/studies/" + id + "/stop", "{\"timeoutMinutes\": -1}"), "timeoutMinutes");
        assertThat(http.get("/api/v1/studies/" + id).json().get("status").asString()).isEqualTo("CREATED");
        assertThat(http.post("/api/v1/studies/" + unknown + "/stop", null).status()).isEqualTo(404);
        assertBadRequest(http.get("/api/v1/studies/" + id + "/wait?timeoutMinutes=-1"), "timeoutMinutes");
        assertBadRequest(http.get("/api/v1/studies/" + id + "/wait?timeoutMinutes=abc"), "timeoutMinutes");
        assertThat(http.get("/api/v1/studies/" + unknown + "/wait?timeoutMinutes=0").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/studies/" + unknown + "/status").status()).isEqualTo(404);
        assertBadRequest(http.put("/api/v1/studies/" + id + "/time-limit", "{}"), "inMinutes");
        assertBadRequest(http.put("/api/v1/studies/" + id + "/time-limit", "{\"inMinutes\": 5, \"specificTime\": \"2030-01-01T00:00:00Z\"}"), "inMinutes");
        assertBadRequest(http.put("/api/v1/studies/" + id + "/time-limit", "{\"inMinutes\": 0}"), "inMinutes");
        assertBadRequest(http.put("/api/v1/studies/" + id + "/time-limit", "{\"specificTime\": \"tomorrow\"}"), "specificTime");
        assertUnusable(http.put("/api/v1/studies/" + id + "/time-limit", "{\"specificTime\": \"2001-01-01T00:00:00Z\"}"), "specificTime");
        assertBadRequest(http.put("/api/v1/studies/" + id + "/report-period", "{\"reportPeriodMinutes\": 0}"), "reportPeriodMinutes");
        assertBadRequest(http.put("/api/v1/studies/" + id + "/report-period", "{\"reportPeriodMinutes\": 1e999}"), "reportPeriodMinutes");
        assertBadRequest(http.put("/api/v1/studies/" + id + "/report-period", "{}"), "reportPeriodMinutes");
        assertBadRequest(http.put("/api/v1/studies/" + id + "/backend", "{}"), "backend");
        assertUnusable(http.put("/api/v1/studies/" + id + "/backend", "{\"backend\": \"disabled-test\"}"), "backend");
        assertThat(http.get("/api/v1/studies/" + unknown + "/optimizer").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/studies/" + unknown + "/report").status()).isEqualTo(404);

        Http.Answer unchanged = http.get("/api/v1/studies/" + id);
        assertThat(unchanged.json().get("status").asString()).isEqualTo("CREATED");
        assertThat(unchanged.json().get("reportPeriodMinutes").asDouble()).isEqualTo(5.0);
        assertThat(unchanged.json().get("backend").asString()).isEqualTo("queue");
        assertThat(unchanged.json().get("optimizationTimeLimitMinutes").isNull()).isTrue();
    }

    @Test
    void rejectsBadBaseExperimentsAndReadsThemBack() {
        long before = count("base_experiment");
        assertBadRequest(http.post("/api/v1/base-experiments", "{}"), "name");
        assertBadRequest(http.post("/api/v1/base-experiments", "{\"name\": \"t\", \"command\": []}"), "command");
        assertBadRequest(http.post("/api/v1/base-experiments", "{\"name\": \"t\", \"command\": \"python3 train.py\"}"), "command");
        assertBadRequest(http.post("/api/v1/base-experiments", "{\"name\": \"t\", \"parameters\": {\"lr\": 1e999}}"), "parameters.lr");
        assertBadRequest(http.post("/api/v1/base-experiments", "{\"name\": \"t\", \"environment\": {\"1BAD\": \"x\"}}"), "environment.1BAD");
        assertBadRequest(http.post("/api/v1/base-experiments", "{\"name\": \"t\", \"environment\": {\"A\": 1}}"), "environment.A");
        assertBadRequest(http.post("/api/v1/base-experiments", "{\"name\": \"t\", \"extra\": 1}"), "extra");
        assertThat(count("base_experiment")).isEqualTo(before);

        Http.Answer created = http.post("/api/v1/base-experiments", """
                {"name": "train", "project": "demo", "parameters": {"General/lr": 0.1},
                 "command": ["python3", "examples/train.py"], "environment": {"CUDA_VISIBLE_DEVICES": "0"}}""");
        String id = created.json().get("id").asString();
        assertThat(created.status()).isEqualTo(201);
        assertThat(http.get("/api/v1/base-experiments/" + id).json().get("command").get(1).asString()).isEqualTo("examples/train.py");
        assertThat(http.get("/api/v1/base-experiments?size=500").json().get("items").valueStream()
                .map(n -> n.get("id").asString())).contains(id);
        assertThat(http.get("/api/v1/base-experiments/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertBadRequest(http.get("/api/v1/base-experiments/nope"), "id");
        assertBadRequest(http.get("/api/v1/base-experiments?size=501"), "size");
    }
}
