package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;
import tools.jackson.databind.JsonNode;

class RankingIT extends ApiTestBase {

    private String study;
    private List<UUID> ids;

    /**
     * Loss series: e0 [5, 1, 3], e1 [2, 2], e2 [4, 0.5, 6], e3 [1, 4] (completed); e4 [0] running; e5 [-1]
     * failed; e6 completed without the metric.
     */
    @BeforeEach
    void givenAStudyWithReportedExperiments() {
        String queue = uniqueQueue();
        study = runningStudy(queue);
        ids = insertExperiments(study, 7, queue);
        double[][] series = {{5, 1, 3}, {2, 2}, {4, 0.5, 6}, {1, 4}, {0}, {-1}, {}};
        for (int i = 0; i < ids.size(); i++) {
            http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w\"}");
            report(ids.get(i), "validation", "loss", series[i]);
            if (i == 5) {
                http.post("/api/v1/experiments/" + ids.get(i) + "/fail", "{\"message\": \"boom\"}");
            } else if (i != 4) {
                http.post("/api/v1/experiments/" + ids.get(i) + "/complete", null);
            }
        }
    }

    @Test
    void ranksByEachOfTheFourSigns() {
        assertThat(topByMetric("min", 4)).containsExactly(e(1), e(0), e(3), e(2));
        assertThat(topByMetric("max", 4)).containsExactly(e(2), e(3), e(0), e(1));
        assertThat(topByMetric("min_global", 4)).containsExactly(e(2), e(0), e(3), e(1));
        assertThat(topByMetric("max_global", 4)).containsExactly(e(2), e(0), e(3), e(1));
        JsonNode best = http.get(byMetric("min_global", 1)).json().get(0);
        assertThat(best.get("objectiveValues").get(0).asDouble()).isEqualTo(0.5);
        assertThat(best.get("iteration").asLong()).isEqualTo(2);
    }

    @Test
    void topExperimentsUseTheStudyObjectiveAndLeaveOutRunningFailedAndSilentOnes() {
        Http.Answer top = http.get("/api/v1/studies/" + study + "/top-experiments?topK=3");
        Http.Answer withRunning = http.get("/api/v1/studies/" + study + "/top-experiments?topK=10&includeRunning=true");

        assertThat(ids(top.json())).containsExactly(e(1), e(0), e(3));
        assertThat(top.json().get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(top.json().get(0).get("parameters").get("x").asDouble()).isEqualTo(0.2);
        assertThat(top.json().get(0).get("objectiveValues").get(0).asDouble()).isEqualTo(2.0);
        assertThat(ids(withRunning.json())).containsExactly(e(4), e(1), e(0), e(3), e(2));
    }

    @Test
    void listsActiveExperimentsWithTheirObjectiveValues() {
        Http.Answer active = http.get("/api/v1/studies/" + study + "/experiments?active=true");
        Http.Answer all = http.get("/api/v1/studies/" + study + "/experiments?size=3&page=1");

        assertThat(ids(active.json().get("items"))).containsExactly(e(4));
        assertThat(active.json().get("items").get(0).get("objectiveValues").get(0).asDouble()).isZero();
        assertThat(ids(all.json().get("items"))).containsExactly(e(3), e(4), e(5));
        assertThat(all.json().get("totalItems").asLong()).isEqualTo(7);
    }

    @Test
    void ranksSeveralObjectivesByParetoFront() {
        String queue = uniqueQueue();
        String multi = study(queue, """
                [{"title": "validation", "series": "loss", "sign": "min"},
                 {"title": "validation", "series": "accuracy", "sign": "max"}]""");
        http.post("/api/v1/studies/" + multi + "/start", null);
        List<UUID> runs = insertExperiments(multi, 3, queue);
        double[][] points = {{1, 0.5}, {2, 0.9}, {3, 0.4}};
        for (int i = 0; i < 3; i++) {
            http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w\"}");
            report(runs.get(i), "validation", "loss", points[i][0]);
            report(runs.get(i), "validation", "accuracy", points[i][1]);
            http.post("/api/v1/experiments/" + runs.get(i) + "/complete", null);
        }

        Http.Answer front = http.get("/api/v1/studies/" + multi + "/pareto-front");
        Http.Answer top = http.get("/api/v1/studies/" + multi + "/top-experiments?topK=3");

        assertThat(ids(front.json())).containsExactly(runs.get(0).toString(), runs.get(1).toString());
        assertThat(ids(top.json())).hasSize(3).endsWith(runs.get(2).toString());
        assertThat(top.json().get(0).get("objectiveValues")).hasSize(2);
    }

    @Test
    void rejectsBadRankingQueries() {
        String unknown = UUID.randomUUID().toString();
        assertUnusable(http.get(byMetric("smallest", 3)), "sign");
        assertBadRequest(http.get("/api/v1/studies/" + study + "/top-experiments/by-metric?series=loss&sign=min"), "title");
        assertBadRequest(http.get("/api/v1/studies/" + study + "/top-experiments?topK=0"), "topK");
        assertBadRequest(http.get("/api/v1/studies/" + study + "/top-experiments?topK=ten"), "topK");
        assertBadRequest(http.get("/api/v1/studies/" + study + "/top-experiments?includeRunning=maybe"), "includeRunning");
        assertBadRequest(http.get("/api/v1/studies/" + study + "/experiments?page=-1"), "page");
        assertBadRequest(http.get("/api/v1/experiments/" + ids.get(0) + "?title=" + "t".repeat(300)), "title");
        assertThat(http.get("/api/v1/studies/" + unknown + "/top-experiments").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/studies/" + unknown + "/pareto-front").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/studies/" + unknown + "/experiments").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/studies/" + unknown + "/top-experiments/by-metric?title=a&series=b&sign=min").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/experiments/" + unknown).status()).isEqualTo(404);
    }

    private String byMetric(String sign, int k) {
        return "/api/v1/studies/" + study + "/top-experiments/by-metric?title=validation&series=loss&sign=" + sign + "&topK=" + k;
    }

    private List<String> topByMetric(String sign, int k) {
        Http.Answer answer = http.get(byMetric(sign, k));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return ids(answer.json());
    }

    private String e(int index) {
        return ids.get(index).toString();
    }

    private static List<String> ids(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.get("id").asString()));
        return result;
    }

    private void report(UUID id, String title, String series, double... values) {
        if (values.length == 0) {
            return;
        }
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"title\": \"").append(title).append("\", \"series\": \"")
                    .append(series).append("\", \"iteration\": ").append(i).append(", \"value\": ").append(values[i]).append('}');
        }
        Http.Answer answer = http.post("/api/v1/experiments/" + id + "/scalars", body.append(']').toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
