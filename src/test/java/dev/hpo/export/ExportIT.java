package dev.hpo.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.Trials;
import tools.jackson.databind.JsonNode;

/** GET /studies/{id}/export: the experiments as CSV and JSON, the same rows the API shows. */
class ExportIT extends ApiTestBase {

    private static final String TRICKY = "ad,\"am\"\nw";

    @Test
    void jsonAndCsvRoundTripIntoTheExperimentsTheApiShows() {
        String study = study();
        List<Trials.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trials.add(new Trials.Trial(Map.of("x", 0.125 * i, "optimizer", i % 2 == 0 ? "sgd" : TRICKY), "COMPLETED",
                    null, 1.0, 0.5 / (i + 1), 1e-7 * i));
        }
        trials.add(new Trials.Trial(Map.of("x", 0.9, "optimizer", "sgd"), "ABORTED", "pruned", 2.0));
        trials.add(new Trials.Trial(Map.of("x", 0.8, "optimizer", "sgd"), "FAILED", "worker_lost"));
        trials.add(new Trials.Trial(Map.of("x", 0.7, "optimizer", "sgd"), "RUNNING", null, 3.0));
        trials.add(new Trials.Trial(Map.of("x", 0.6, "optimizer", "sgd"), "QUEUED", null));
        Trials.write(jdbc, study, "validation", "loss", trials);
        JsonNode expected = http.get("/api/v1/studies/" + study + "/experiments?size=500").json().get("items");
        assertThat(expected).hasSize(10);

        Http.Answer json = http.get("/api/v1/studies/" + study + "/export?format=json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode rows = json.json();
        assertThat(rows).hasSize(10);
        for (int i = 0; i < 10; i++) {
            JsonNode row = rows.get(i);
            JsonNode api = expected.get(i);
            assertThat(row.get("number").asInt()).isEqualTo(api.get("number").asInt());
            assertThat(row.get("id").asString()).isEqualTo(api.get("id").asString());
            assertThat(row.get("status").asString()).isEqualTo(api.get("status").asString());
            assertThat(text(row.get("stopReason"))).isEqualTo(text(api.get("stopReason")));
            assertThat(row.get("parameters")).isEqualTo(api.get("parameters"));
            assertThat(number(row.get("objectives").get("validation/loss")))
                    .isEqualTo(number(api.get("objectiveValues").get(0)));
            assertThat(instant(row.get("createdAt"))).isEqualTo(instant(api.get("createdAt")));
            assertThat(instant(row.get("startedAt"))).isEqualTo(instant(api.get("startedAt")));
            assertThat(instant(row.get("endedAt"))).isEqualTo(instant(api.get("endedAt")));
            assertThat(text(row.get("worker"))).isEqualTo(text(api.get("workerId")));
        }
        assertThat(rows.get(1).get("durationSeconds").asDouble()).isEqualTo(1.501);
        assertThat(rows.get(9).get("durationSeconds").isNull()).isTrue();

        Http.Answer csv = http.get("/api/v1/studies/" + study + "/export", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(CsvTable.records(csv.body()).get(0)).containsExactly("number", "id", "status", "stopReason", "x",
                "optimizer", "validation/loss", "createdAt", "startedAt", "endedAt", "durationSeconds", "worker");
        List<Map<String, String>> table = CsvTable.rows(csv.body());
        assertThat(table).hasSize(10);
        for (int i = 0; i < 10; i++) {
            Map<String, String> row = table.get(i);
            JsonNode api = expected.get(i);
            assertThat(Integer.parseInt(row.get("number"))).isEqualTo(api.get("number").asInt());
            assertThat(row.get("id")).isEqualTo(api.get("id").asString());
            assertThat(row.get("status")).isEqualTo(api.get("status").asString());
            assertThat(emptyToNull(row.get("stopReason"))).isEqualTo(text(api.get("stopReason")));
            assertThat(Double.parseDouble(row.get("x"))).isEqualTo(api.get("parameters").get("x").asDouble());
            assertThat(row.get("optimizer")).isEqualTo(api.get("parameters").get("optimizer").asString());
            String loss = row.get("validation/loss");
            assertThat(loss.isEmpty() ? null : Double.valueOf(loss)).isEqualTo(number(api.get("objectiveValues").get(0)));
            assertThat(parse(row.get("createdAt"))).isEqualTo(instant(api.get("createdAt")));
            assertThat(parse(row.get("startedAt"))).isEqualTo(instant(api.get("startedAt")));
            assertThat(parse(row.get("endedAt"))).isEqualTo(instant(api.get("endedAt")));
            assertThat(emptyToNull(row.get("worker"))).isEqualTo(text(api.get("workerId")));
        }
        assertThat(table.get(1).get("optimizer")).isEqualTo(TRICKY);
    }

    @Test
    void theFormatParameterWinsOverAcceptAndJsonIsTheDefault() {
        String study = study();
        String path = "/api/v1/studies/" + study + "/export";
        assertThat(http.get(path).contentType()).startsWith("application/json");
        assertThat(http.get(path, "application/json").contentType()).startsWith("application/json");
        assertThat(http.get(path, "*/*").contentType()).startsWith("application/json");
        assertThat(http.get(path, "text/csv;q=0.9, application/json;q=0.5").contentType()).startsWith("text/csv");
        assertThat(http.get(path + "?format=csv", "application/json").contentType()).startsWith("text/csv");
        assertThat(http.get(path + "?format=CSV").body()).startsWith("number,id,");
        // a study without experiments: a header, an empty array
        assertThat(CsvTable.records(http.get(path + "?format=csv").body())).hasSize(1);
        assertThat(http.get(path + "?format=json").json()).isEmpty();
    }

    @Test
    void aBadFormatIsABadRequestAnUnacceptableTypeIsNotAcceptableAndAnUnknownStudyNotFound() {
        String study = study();
        String path = "/api/v1/studies/" + study + "/export";
        Http.Answer bad = http.get(path + "?format=xml");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.firstErrorField()).isEqualTo("format");
        assertThat(http.get(path, "application/xml").status()).isEqualTo(406);
        assertThat(http.get("/api/v1/studies/" + UUID.randomUUID() + "/export?format=csv").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/studies/x/export").status()).isEqualTo(400);
    }

    @Test
    void twentyThousandExperimentsStreamOut() {
        String study = study();
        jdbc.update("""
                insert into experiment (id, study_id, number, name, project, parameters, status, queue, worker_id,
                    created_at, started_at, ended_at)
                select gen_random_uuid(), ?::uuid, n, 'train #' || n, 'demo',
                       jsonb_build_object('x', n / 20000.0, 'optimizer', 'sgd'), 'COMPLETED', 'q', 'w',
                       now(), now(), now()
                from generate_series(0, 19999) n""", study);
        jdbc.update("""
                insert into metric_summary (experiment_id, study_id, title, series, last_value, last_iteration,
                    min_value, max_value, count)
                select id, study_id, 'validation', 'loss', number, 0, number, number, 1 from experiment
                where study_id = ?::uuid""", study);
        long started = System.nanoTime();
        Http.Answer csv = http.get("/api/v1/studies/" + study + "/export?format=csv");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> records = CsvTable.records(csv.body());
        assertThat(records).hasSize(20_001);
        assertThat(records.get(20_000).get(0)).isEqualTo("19999");
        assertThat(records.get(20_000).get(6)).isEqualTo("19999.0");
        System.out.printf("export of 20,000 experiments as CSV: %d ms, %d bytes%n", millis, csv.body().length());
    }

    private String study() {
        Http.Answer created = http.post("/api/v1/studies", """
                {"name": "exp", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "x", "min": 0, "max": 1},
                                {"type": "discrete", "name": "optimizer", "values": ["sgd", %s]}],
                 "objectives": [{"title": "validation", "series": "loss", "sign": "min"}],
                 "strategy": {"name": "random", "seed": 7}, "backend": "queue", "executionQueue": "q"}"""
                .formatted(baseExperiment(), Http.JSON.writeValueAsString(TRICKY)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asString());
    }

    private static Instant parse(String text) {
        return text.isEmpty() ? null : Instant.parse(text);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
