package dev.hpo.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestApp;
import dev.hpo.loop.Studies;
import dev.hpo.loop.Workers;
import dev.hpo.testsupport.TestDatabase;

/** The event stream of a study the loop drives and HTTP workers run, from start to end. */
class LiveStudyEventsIT {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabase.newDatabase(), "hpo.events.poll-interval=100ms");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyExperimentIsCreatedStartedAndEndedOnceAndTheStudysEndAndReportFollow() {
        String base = app.http.createBaseExperiment("events");
        Map<String, Object> definition = Studies.quadratic(base, "q-events", "grid", 1);
        definition.put("parameters", List.of(
                Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0, "step", 1.0),
                Map.of("type", "uniform", "name", "y", "min", -1.0, "max", 1.0, "step", 1.0)));
        String study = app.createStudy(definition);

        List<SseStream.Event> events = new ArrayList<>();
        try (SseStream stream = SseStream.resume(app.port, "/api/v1/studies/" + study + "/events", "0");
             Workers workers = new Workers(app.http, "q-events", 2, Studies.quadraticJob(3, 0))) {
            app.start(study, null);
            while (true) {
                SseStream.Event event = stream.next();
                events.add(event);
                if ("study_changed".equals(event.type()) && "COMPLETED".equals(event.data().get("status").asString())) {
                    break;
                }
            }
        }

        assertThat(events.get(0).type()).isEqualTo("study_changed");
        assertThat(events.get(0).data().get("status").asString()).isEqualTo("RUNNING");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isGreaterThan(events.get(i - 1).seq());
        }
        for (String type : List.of("experiment_created", "experiment_started", "experiment_ended")) {
            assertThat(events.stream().filter(e -> type.equals(e.type())).map(e -> e.data().get("number").asInt()))
                    .as(type).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
        }
        // three points per experiment, each report its own event
        assertThat(events.stream().filter(e -> "experiment_reported".equals(e.type()))).hasSize(27);
        SseStream.Event last = events.get(events.size() - 1);
        assertThat(last.data().get("statusReason").asString()).isEqualTo("strategy_exhausted");
        for (SseStream.Event ended : events.stream().filter(e -> "experiment_ended".equals(e.type())).toList()) {
            assertThat(ended.data().get("status").asString()).isEqualTo("COMPLETED");
            assertThat(ended.data().get("objectives").get(0).isNumber()).isTrue();
        }
        // each experiment: created before started before its reports before ended
        for (int n = 0; n < 9; n++) {
            int number = n;
            List<String> own = events.stream().filter(e -> e.data().has("number")
                    && e.data().get("number").asInt() == number).map(SseStream.Event::type).toList();
            assertThat(own).containsExactly("experiment_created", "experiment_started", "experiment_reported",
                    "experiment_reported", "experiment_reported", "experiment_ended");
        }
    }
}
