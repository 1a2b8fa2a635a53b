package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

/**
 * What the {@code process} backend needs from a study, checked when the study chooses it: a base experiment
 * without a command used to be accepted, and then every experiment failed.
 */
@TestPropertySource(properties = "hpo.backend.process.enabled=true")
class ProcessBackendInputIT extends ApiTestBase {

    private static final String OBJECTIVE = "[{\"title\": \"validation\", \"series\": \"loss\", \"sign\": \"min\"}]";

    private static String studyBody(String base, String backend) {
        return """
                {"name": "s", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "x", "min": 0, "max": 1}],
                 "objectives": %s, "backend": "%s"}""".formatted(base, OBJECTIVE, backend);
    }

    @Test
    void rejectsAProcessStudyWhoseBaseExperimentHasNoCommandAndStoresNothing() {
        // given a base experiment registered for queue workers only (no command)
        String base = baseExperiment();
        long before = count("study");

        // when a process-backend study is created from it
        Http.Answer answer = http.post("/api/v1/studies", studyBody(base, "process"));

        // then it is a 422 naming the base experiment's command, and no study is stored
        assertUnusable(answer, "baseExperiment.command");
        assertThat(answer.json().get("detail").asString()).contains("command");
        assertThat(count("study")).isEqualTo(before);
    }

    @Test
    void rejectsSwitchingToTheProcessBackendWhenTheBaseExperimentHasNoCommand() {
        // given a queue study whose base experiment has no command
        Http.Answer created = http.post("/api/v1/studies", studyBody(baseExperiment(), "queue"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        // when its backend is changed to process
        Http.Answer answer = http.put("/api/v1/studies/" + id + "/backend", "{\"backend\": \"process\"}");

        // then it is a 422 naming the command, and the study keeps its queue backend
        assertUnusable(answer, "baseExperiment.command");
        assertThat(http.get("/api/v1/studies/" + id).json().get("backend").asString()).isEqualTo("queue");
    }

    @Test
    void acceptsAProcessStudyWhoseBaseExperimentHasACommand() {
        // given a base experiment with a command
        Http.Answer base = http.post("/api/v1/base-experiments", """
                {"name": "train", "command": ["python3", "examples/train.py"]}""");
        assertThat(base.status()).as(base.body()).isEqualTo(201);

        // when a process study is created from it, then it is stored
        Http.Answer created = http.post("/api/v1/studies", studyBody(base.json().get("id").asString(), "process"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("backend").asString()).isEqualTo("process");
    }

    @Test
    void rejectsABadExperimentIdOnTheOutputEndpointWithAProblem() {
        // given ids that are not UUIDs or name no experiment
        String unknown = java.util.UUID.randomUUID().toString();

        // when the output is asked for, as any client and as a text client
        Http.Answer badId = http.get("/api/v1/experiments/not-a-uuid/output");
        Http.Answer badIdAsText = http.get("/api/v1/experiments/not-a-uuid/output", "text/plain");
        Http.Answer unknownId = http.get("/api/v1/experiments/" + unknown + "/output");

        // then a malformed id is a 400 problem naming it, and an unknown one a 404
        assertBadRequest(badId, "id");
        assertThat(badIdAsText.status()).as(badIdAsText.body()).isEqualTo(400);
        assertThat(unknownId.status()).as(unknownId.body()).isEqualTo(404);
    }
}
