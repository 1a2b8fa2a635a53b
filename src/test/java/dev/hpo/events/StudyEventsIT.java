package dev.hpo.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

/** GET /studies/{id}/events: a study's changes as server-sent events, resumable with Last-Event-ID. */
@TestPropertySource(properties = {"hpo.events.keep-alive=300ms", "hpo.events.poll-interval=50ms"})
class StudyEventsIT extends ApiTestBase {

    private static final String LOSS = """
            [{"title": "validation", "series": "loss", "iteration": %d, "value": %s}]""";

    @Test
    void anExperimentsLifeArrivesInOrderWithItsDataAndStudyChangesFollow() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        try (SseStream stream = SseStream.open(port, "/api/v1/studies/" + study + "/events")) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");

            // when an experiment is created, leased, reports twice and completes, and the study is stopped
            UUID id = insertExperiments(study, 1, queue).get(0);
            http.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}");
            http.post("/api/v1/experiments/" + id + "/scalars", LOSS.formatted(1, "0.5"));
            http.post("/api/v1/experiments/" + id + "/scalars", LOSS.formatted(2, "0.25"));
            http.post("/api/v1/experiments/" + id + "/complete", null);
            http.post("/api/v1/studies/" + study + "/stop", null);

            // then the stream tells each step, in order, with increasing ids
            List<SseStream.Event> events = stream.next(6);
            assertThat(events).extracting(SseStream.Event::type).containsExactly("experiment_created",
                    "experiment_started", "experiment_reported", "experiment_reported", "experiment_ended",
                    "study_changed");
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).seq()).isGreaterThan(events.get(i - 1).seq());
            }
            for (SseStream.Event event : events) {
                assertThat(event.data().get("studyId").asString()).isEqualTo(study);
                assertThat(event.data().get("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z");
            }
            for (SseStream.Event event : events.subList(0, 5)) {
                assertThat(event.data().get("experimentId").asString()).isEqualTo(id.toString());
                assertThat(event.data().get("number").asInt()).isEqualTo(0);
            }
            assertThat(events.get(1).data().get("workerId").asString()).isEqualTo("w1");
            SseStream.Event reported = events.get(3);
            assertThat(reported.data().get("title").asString()).isEqualTo("validation");
            assertThat(reported.data().get("series").asString()).isEqualTo("loss");
            assertThat(reported.data().get("iteration").asLong()).isEqualTo(2);
            assertThat(reported.data().get("value").asDouble()).isEqualTo(0.25);
            SseStream.Event ended = events.get(4);
            assertThat(ended.data().get("status").asString()).isEqualTo("COMPLETED");
            assertThat(ended.data().get("stopReason").isNull()).isTrue();
            assertThat(ended.data().get("objectives").get(0).asDouble()).isEqualTo(0.25);
            // stopping a running study: STOPPING (the loop, off in this test, would then end it)
            assertThat(events.get(5).data().get("status").asString()).isEqualTo("STOPPING");
        }
    }

    @Test
    void resumingWithLastEventIdReplaysEverythingAfterItThenGoesLive() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        List<SseStream.Event> first;
        try (SseStream stream = SseStream.resume(port, "/api/v1/studies/" + study + "/events", "0")) {
            insertExperiments(study, 3, queue);
            // the study's start comes first
            assertThat(stream.next().type()).isEqualTo("study_changed");
            first = stream.next(3);
        }
        assertThat(first).extracting(e -> e.data().get("number").asInt()).containsExactly(0, 1, 2);

        // the header, or the query parameter for clients that cannot set it, resumes after the first event
        String path = "/api/v1/studies/" + study + "/events";
        try (SseStream byHeader = SseStream.resume(port, path, first.get(0).id());
             SseStream byQuery = SseStream.open(port, path + "?lastEventId=" + first.get(0).id())) {
            for (SseStream stream : List.of(byHeader, byQuery)) {
                List<SseStream.Event> replayed = stream.next(2);
                assertThat(replayed).extracting(SseStream.Event::id)
                        .containsExactly(first.get(1).id(), first.get(2).id());
            }
            // and then live
            insertExperiments(study, 1, queue);
            for (SseStream stream : List.of(byHeader, byQuery)) {
                SseStream.Event live = stream.next();
                assertThat(live.type()).isEqualTo("experiment_created");
                assertThat(live.data().get("number").asInt()).isEqualTo(3);
            }
        }
    }

    @Test
    void aStreamWithoutLastEventIdStartsWithTheNextEventAndOtherStudiesEventsStayOut() {
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        String other = runningStudy(queue);
        insertExperiments(study, 2, queue);
        // the earlier events are numbered before the stream opens
        try (SseStream warmup = SseStream.resume(port, "/api/v1/studies/" + study + "/events", "0")) {
            warmup.next("experiment_created");
            warmup.next("experiment_created");
        }
        try (SseStream stream = SseStream.open(port, "/api/v1/studies/" + study + "/events")) {
            insertExperiments(other, 1, queue);
            insertExperiments(study, 1, queue);
            SseStream.Event event = stream.next();
            assertThat(event.data().get("studyId").asString()).isEqualTo(study);
            assertThat(event.data().get("number").asInt()).isEqualTo(2);
        }
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() {
        String study = runningStudy(uniqueQueue());
        try (SseStream stream = SseStream.open(port, "/api/v1/studies/" + study + "/events")) {
            assertThat(stream.nextComment()).isEqualTo("keep-alive");
        }
    }

    @Test
    void anUnknownStudyIsNotFoundAndABadLastEventIdIsABadRequest() {
        String study = runningStudy(uniqueQueue());
        Http.Answer unknown = http.get("/api/v1/studies/" + UUID.randomUUID() + "/events", "text/event-stream");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");

        for (String bad : List.of("abc", "-1", "1.5", "99999999999999999999")) {
            Http.Answer answer = http.get("/api/v1/studies/" + study + "/events?lastEventId=" + bad, "text/event-stream");
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).contains("application/problem+json");
            assertThat(answer.firstErrorField()).isEqualTo("lastEventId");
        }
        Http.Answer notAnId = http.get("/api/v1/studies/not-a-uuid/events", "text/event-stream");
        assertThat(notAnId.status()).isEqualTo(400);
    }

    @Test
    void aBadLastEventIdHeaderIsABadRequestNamingTheHeader() throws Exception {
        String study = runningStudy(uniqueQueue());
        try (SseStream stream = SseStream.resume(port, "/api/v1/studies/" + study + "/events", "x1")) {
            assertThat(stream.status).isEqualTo(400);
            assertThat(stream.contentType).contains("application/problem+json");
        }
    }
}
