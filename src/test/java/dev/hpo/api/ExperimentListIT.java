package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The paged experiments list the dashboard's table reads: status filter, sort by time or objective, bad input. */
class ExperimentListIT extends ApiTestBase {

    private String study;
    private List<UUID> ids;

    /** Last loss values: e0 3, e1 2, e2 6, e3 4 (completed); e4 0 running; e5 -1 failed; e6 completed, none. */
    @BeforeEach
    void givenAStudyWithReportedExperiments() {
        String queue = uniqueQueue();
        study = runningStudy(queue);
        ids = insertExperiments(study, 7, queue);
        double[][] series = {{5, 1, 3}, {2, 2}, {4, 0.5, 6}, {1, 4}, {0}, {-1}, {}};
        for (int i = 0; i < ids.size(); i++) {
            http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w\"}");
            for (int it = 0; it < series[i].length; it++) {
                http.post("/api/v1/experiments/" + ids.get(i) + "/scalars", """
                        [{"title": "validation", "series": "loss", "iteration": %d, "value": %s}]"""
                        .formatted(it, series[i][it]));
            }
            if (i == 5) {
                http.post("/api/v1/experiments/" + ids.get(i) + "/fail", "{\"message\": \"boom\"}");
            } else if (i != 4) {
                http.post("/api/v1/experiments/" + ids.get(i) + "/complete", null);
            }
        }
    }

    private JsonNode list(String query) {
        Http.Answer answer = http.get("/api/v1/studies/" + study + "/experiments?" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private List<UUID> idsOf(JsonNode page) {
        List<UUID> out = new ArrayList<>();
        page.get("items").forEach(item -> out.add(UUID.fromString(item.get("id").asString())));
        return out;
    }

    private List<UUID> e(int... numbers) {
        List<UUID> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(ids.get(n));
        }
        return out;
    }

    @Test
    void sortsByTheObjectiveValueEitherWayWithExperimentsWithoutOneLast() {
        assertThat(idsOf(list("sort=objective"))).containsExactlyElementsOf(e(5, 4, 1, 0, 3, 2, 6));
        assertThat(idsOf(list("sort=objective&order=desc"))).containsExactlyElementsOf(e(2, 3, 0, 1, 4, 5, 6));
    }

    @Test
    void filtersByStatusAndPagesWithTheObjectiveValuesOfThatPage() {
        JsonNode completed = list("status=COMPLETED&sort=objective&size=2&page=1");

        assertThat(idsOf(completed)).containsExactlyElementsOf(e(3, 2));
        assertThat(completed.get("totalItems").asLong()).isEqualTo(5);
        assertThat(completed.get("totalPages").asInt()).isEqualTo(3);
        assertThat(completed.get("items").get(0).get("objectiveValues").get(0).asDouble()).isEqualTo(4.0);
        assertThat(completed.get("items").get(1).get("objectiveValues").get(0).asDouble()).isEqualTo(6.0);
        assertThat(idsOf(list("status=FAILED"))).containsExactlyElementsOf(e(5));
        assertThat(idsOf(list("status=QUEUED")).isEmpty()).isTrue();
    }

    @Test
    void sortsByStartAndEndWithTheRunningOneLastByEnd() {
        assertThat(idsOf(list("sort=startedAt"))).containsExactlyElementsOf(e(0, 1, 2, 3, 4, 5, 6));
        assertThat(idsOf(list("sort=endedAt&order=desc")).get(6)).isEqualTo(ids.get(4));
        assertThat(idsOf(list("sort=number&order=desc"))).containsExactlyElementsOf(e(6, 5, 4, 3, 2, 1, 0));
    }

    @Test
    void rejectsAnUnknownSortOrderStatusOrObjectiveWithAProblemNamingTheField() {
        for (String[] bad : new String[][] {{"sort=name", "sort"}, {"order=up", "order"}, {"status=DONE", "status"},
                {"objective=1", "objective"}, {"objective=-1", "objective"}}) {
            Http.Answer answer = http.get("/api/v1/studies/" + study + "/experiments?" + bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).as(bad[0]).contains(bad[1]);
        }
        assertThat(http.get("/api/v1/studies/" + UUID.randomUUID() + "/experiments?sort=objective").status())
                .isEqualTo(404);
    }
}
