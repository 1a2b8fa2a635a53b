package dev.hpo.importance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.Trials;
import tools.jackson.databind.JsonNode;

/** GET /studies/{id}/importance: PED-ANOVA over completed experiments, through HTTP. */
class ImportanceIT extends ApiTestBase {

    @Test
    void theDominantParameterComesFirstAndTheIrrelevantOneLast() {
        // loss = 10 (x - 0.3)^2 + 0.2 [optimizer = sgd]; y does not enter it
        String study = threeParameterStudy();
        Random random = new Random(3);
        List<Trials.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            String optimizer = random.nextBoolean() ? "sgd" : "adam";
            double loss = 10 * (x - 0.3) * (x - 0.3) + ("sgd".equals(optimizer) ? 0.2 : 0);
            trials.add(new Trials.Trial(Map.of("x", x, "y", y, "optimizer", optimizer), "COMPLETED", null, 1.0, loss));
        }
        // failed and queued experiments do not count
        trials.add(new Trials.Trial(Map.of("x", 0.3, "y", 0.5, "optimizer", "adam"), "FAILED", "worker_lost", 0.0));
        trials.add(new Trials.Trial(Map.of("x", 0.3, "y", 0.5, "optimizer", "adam"), "QUEUED", null));
        Trials.write(jdbc, study, "validation", "loss", trials);

        Http.Answer answer = http.get("/api/v1/studies/" + study + "/importance");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("method").asString()).isEqualTo("ped-anova");
        assertThat(body.get("completedExperiments").asInt()).isEqualTo(200);
        assertThat(body.get("objective").get("title").asString()).isEqualTo("validation");
        assertThat(body.get("objective").get("sign").asString()).isEqualTo("min");
        JsonNode importances = body.get("importances");
        assertThat(importances).hasSize(3);
        assertThat(importances.get(0).get("parameter").asString()).isEqualTo("x");
        assertThat(importances.get(2).get("parameter").asString()).isEqualTo("y");
        assertThat(importances.get(0).get("importance").asDouble()).isGreaterThan(0.6);
        assertThat(importances.get(2).get("importance").asDouble()).isLessThan(0.1);
        double sum = 0;
        for (JsonNode i : importances) {
            sum += i.get("importance").asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fewerThanTwoCompletedExperimentsGiveAnEmptyList() {
        String study = threeParameterStudy();
        assertThat(http.get("/api/v1/studies/" + study + "/importance").json().get("importances")).isEmpty();
        Trials.write(jdbc, study, "validation", "loss",
                List.of(new Trials.Trial(Map.of("x", 0.1, "y", 0.2, "optimizer", "sgd"), "COMPLETED", null, 0.5)));
        Http.Answer one = http.get("/api/v1/studies/" + study + "/importance");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("completedExperiments").asInt()).isEqualTo(1);
        assertThat(one.json().get("importances")).isEmpty();
    }

    @Test
    void aBadObjectiveIndexIsABadRequestAndAnUnknownStudyNotFound() {
        String study = threeParameterStudy();
        for (String bad : List.of("1", "-1", "x", "99999999999")) {
            Http.Answer answer = http.get("/api/v1/studies/" + study + "/importance?objective=" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).contains("application/problem+json");
        }
        assertThat(http.get("/api/v1/studies/" + UUID.randomUUID() + "/importance").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/studies/nope/importance").status()).isEqualTo(400);
    }

    private String threeParameterStudy() {
        Http.Answer created = http.post("/api/v1/studies", """
                {"name": "imp", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "x", "min": 0, "max": 1},
                                {"type": "uniform", "name": "y", "min": 0, "max": 1},
                                {"type": "discrete", "name": "optimizer", "values": ["sgd", "adam"]}],
                 "objectives": [{"title": "validation", "series": "loss", "sign": "min"}],
                 "strategy": {"name": "random", "seed": 7}, "backend": "queue", "executionQueue": "q"}"""
                .formatted(baseExperiment()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
