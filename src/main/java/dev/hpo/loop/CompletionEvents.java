package dev.hpo.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.loop.webhook.JobCompleteOutbox;
import dev.hpo.study.StudyLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the job-complete events a tick decided: one per ended experiment, for any end (completed, failed,
 * aborted), recorded in the tick's transaction together with the experiment's {@code completion_notified} flag,
 * so an experiment gets exactly one event even across restarts and takeovers. The payload carries the seed
 * callback's five arguments plus the status. Each event also leaves its INFO line in the service log
 * ({@link StudyLog}); a tick whose transaction fails writes it again with its retry.
 */
@Component
class CompletionEvents {

    private final JobCompleteOutbox outbox;
    private final JsonMapper json;

    CompletionEvents(JobCompleteOutbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** Records the events of {@code rows} (ended, not notified) with the study's best experiment; returns how many. */
    int record(StudySnapshot snapshot, List<ExperimentRow> rows, ExperimentRow best, Instant now) {
        StudyRow study = snapshot.study();
        List<JobCompleteOutbox.Ended> events = new ArrayList<>(rows.size());
        for (ExperimentRow row : rows) {
            events.add(new JobCompleteOutbox.Ended(row.id(), payload(snapshot, row, best == null ? null : best.id(),
                    now)));
        }
        outbox.recordEnded(study.id(), study.callbackUrl(), events, now);
        for (ExperimentRow row : rows) {
            snapshot.put(row.notified());
            StudyLog.experimentEnded(study.id(), row.number(), row.status().name(),
                    row.stopReason() == null ? null : row.stopReason().code(), snapshot.values(row));
        }
        return rows.size();
    }

    private String payload(StudySnapshot snapshot, ExperimentRow row, UUID best, Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "job_complete");
        event.put("studyId", snapshot.study().id());
        event.put("experimentId", row.id());
        event.put("number", row.number());
        event.put("status", row.status().name());
        event.put("stopReason", row.stopReason() == null ? null : row.stopReason().code());
        double[] values = snapshot.values(row);
        event.put("objectiveValues", values == null ? null : Arrays.stream(values).boxed().toList());
        event.put("objectiveIterations", Arrays.asList(snapshot.iterations(row)));
        event.put("parameters", snapshot.parameters(row));
        event.put("bestExperimentId", best);
        event.put("endedAt", row.endedAt() == null ? null : row.endedAt().toString());
        event.put("recordedAt", now.toString());
        return json.writeValueAsString(event);
    }
}
