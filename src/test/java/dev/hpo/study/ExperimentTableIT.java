package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.Trials;
import tools.jackson.databind.JsonNode;

/** The experiment table (paged, filtered, sorted), the study's metrics and many experiments' curves at once. */
class ExperimentTableIT extends ApiTestBase {

    private String study;

    @BeforeEach
    void twelveExperiments() {
        study = study(uniqueQueue(), "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]");
        List<Trials.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // losses 0.9, 0.8, ... 0.0 at the last of 5 points; curves of 5 points each
            double last = 0.9 - 0.1 * i;
            trials.add(new Trials.Trial(Map.of("x", i / 10.0, "optimizer", "sgd"), i % 3 == 2 ? "ABORTED" : "COMPLETED",
                    i % 3 == 2 ? "pruned" : null, 2, 1.5, 1.2, 1.0, last));
        }
        trials.add(new Trials.Trial(Map.of("x", 0.5, "optimizer", "adam"), "RUNNING", null, 3.0));
        trials.add(new Trials.Trial(Map.of("x", 0.6, "optimizer", "adam"), "QUEUED", null));
        Trials.write(jdbc, study, "validation", "loss", trials);
    }

    @Test
    void pagesSortByObjectiveWithMissingValuesLastAndFilterByStatus() {
        JsonNode best = get("/experiments?sort=objective,asc&size=3").json();
        assertThat(best.get("totalItems").asLong()).isEqualTo(12);
        assertThat(best.get("totalPages").asInt()).isEqualTo(4);
        assertThat(numbers(best)).containsExactly(9, 8, 7);
        assertThat(best.get("items").get(0).get("objectiveValues").get(0).asDouble()).isCloseTo(0.0,
                org.assertj.core.data.Offset.offset(1e-9));
        JsonNode last = get("/experiments?sort=objective:0,asc&size=3&page=3").json();
        // the running one reported 3.0; the queued one nothing, so it comes last
        assertThat(numbers(last)).containsExactly(0, 10, 11);
        assertThat(last.get("items").get(2).get("objectiveValues").get(0).isNull()).isTrue();

        assertThat(numbers(get("/experiments?sort=number,desc&size=2").json())).containsExactly(11, 10);
        assertThat(numbers(get("/experiments?status=ABORTED&size=50").json())).containsExactly(2, 5, 8);
        assertThat(numbers(get("/experiments?status=queued,running").json())).containsExactly(10, 11);
        assertThat(numbers(get("/experiments?status=QUEUED&status=ABORTED").json())).containsExactly(2, 5, 8, 11);
        assertThat(numbers(get("/experiments?active=true").json())).containsExactly(10, 11);
        assertThat(numbers(get("/experiments?sort=duration,desc&status=COMPLETED&size=1").json()))
                .containsExactly(9);
        assertThat(numbers(get("/experiments?sort=startedAt&size=1").json())).containsExactly(0);
        assertThat(get("/experiments?sort=status&size=1").json().get("items").get(0).get("status").asString())
                .isEqualTo("ABORTED");
    }

    @Test
    void badSortStatusOrPagingAreBadRequestsAndAnUnknownStudyNotFound() {
        for (String query : List.of("sort=name", "sort=number,up", "sort=objective:1", "sort=objective:x",
                "sort=number,asc,desc", "status=DONE", "size=0", "size=501", "page=-1",
                "active=true&status=COMPLETED")) {
            Http.Answer answer = get("/experiments?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).contains("application/problem+json");
        }
        assertThat(http.get("/api/v1/studies/" + UUID.randomUUID() + "/experiments").status()).isEqualTo(404);
    }

    @Test
    void metricsNameWhatTheExperimentsReported() {
        JsonNode metrics = get("/metrics").json();
        assertThat(metrics).hasSize(1);
        assertThat(metrics.get(0).get("title").asString()).isEqualTo("validation");
        assertThat(metrics.get(0).get("series").asString()).isEqualTo("loss");
        assertThat(metrics.get(0).get("experiments").asLong()).isEqualTo(11);
        assertThat(http.get("/api/v1/studies/" + UUID.randomUUID() + "/metrics").status()).isEqualTo(404);
    }

    @Test
    void curvesOfManyExperimentsComeInOneCallThinnedToMaxPoints() {
        JsonNode all = get("/scalars?title=validation&series=loss&size=100").json();
        JsonNode page = all.get("experiments");
        assertThat(page.get("totalItems").asLong()).isEqualTo(11);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("number").asInt()).isEqualTo(0);
        assertThat(first.get("pointCount").asLong()).isEqualTo(5);
        assertThat(first.get("iterations")).hasSize(5);
        assertThat(first.get("values").get(4).asDouble()).isEqualTo(0.9);
        assertThat(page.get("items").get(2).get("stopReason").asString()).isEqualTo("pruned");

        JsonNode thin = get("/scalars?title=validation&series=loss&maxPoints=3&status=ABORTED").json().get("experiments");
        assertThat(thin.get("totalItems").asLong()).isEqualTo(3);
        JsonNode curve = thin.get("items").get(0);
        assertThat(curve.get("iterations")).extracting(JsonNode::asLong).containsExactly(0L, 2L, 4L);
        assertThat(curve.get("pointCount").asLong()).isEqualTo(5);

        assertThat(get("/scalars?title=nope&series=loss").json().get("experiments").get("items")).isEmpty();
    }

    @Test
    void curvesNeedATitleAndASeriesAndBoundedSizes() {
        for (String query : List.of("series=loss", "title=validation", "title=&series=loss",
                "title=validation&series=loss&maxPoints=1", "title=validation&series=loss&maxPoints=5001",
                "title=validation&series=loss&size=1001", "title=validation&series=loss&status=x",
                "title=" + "t".repeat(256) + "&series=loss")) {
            Http.Answer answer = get("/scalars?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).contains("application/problem+json");
        }
        assertThat(http.get("/api/v1/studies/" + UUID.randomUUID() + "/scalars?title=a&series=b").status())
                .isEqualTo(404);
    }

    private Http.Answer get(String path) {
        return http.get("/api/v1/studies/" + study + path);
    }

    private static List<Integer> numbers(JsonNode page) {
        List<Integer> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("number").asInt()));
        return numbers;
    }
}
