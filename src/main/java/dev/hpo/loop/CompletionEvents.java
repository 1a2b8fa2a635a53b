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
 * Step 3 of a tick: one job-complete event for each experiment that ended since the last tick, for any end
 * (completed, failed, aborted), recorded in the tick's transaction together with the experiment's
 * {@code completion_notified} flag, so an experiment gets exactly one event even across restarts and
 * takeovers. The payload carries the seed callback's five arguments plus the status. Each event also leaves its
 * INFO line in the service log ({@link StudyLog}); a tick whose transaction fails writes it again with its retry.
 */
@Component
class CompletionEvents {

    private final JobCompleteOutbox outbox;
    private final LoopStore store;
    private final JsonMapper json;

    CompletionEvents(JobCompleteOutbox outbox, LoopStore store, JsonMapper json) {
        this.outbox = outbox;
        this.store = store;
        this.json = json;
    }

    /** Records the events; returns how many were recorded. */
    int record(StudyRow study, StudyHistory history, List<Ranks.Ranked> ranking, Instant now) {
        List<ExperimentRow> notified = new ArrayList<>();
        UUID best = ranking.isEmpty() ? null : ranking.get(0).row().id();
        for (ExperimentRow row : history.experiments) {
            if (row.ended() && !row.completionNotified()) {
                outbox.record(study.id(), row.id(), study.callbackUrl(), payload(study, history, row, best, now), now);
                notified.add(row);
            }
        }
        store.markNotified(notified.stream().map(ExperimentRow::id).toList());
        for (ExperimentRow row : notified) {
            history.replace(row.notified());
            StudyLog.experimentEnded(study.id(), row.number(), row.status(), row.stopReason(), history.values(row));
        }
        return notified.size();
    }

    /** True when some ended experiment has no event yet (so the tick must rank). */
    static boolean pending(StudyHistory history) {
        for (ExperimentRow row : history.experiments) {
            if (row.ended() && !row.completionNotified()) {
                return true;
            }
        }
        return false;
    }

    private String payload(StudyRow study, StudyHistory history, ExperimentRow row, UUID best, Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "job_complete");
        event.put("studyId", study.id());
        event.put("experimentId", row.id());
        event.put("number", row.number());
        event.put("status", row.status());
        event.put("stopReason", row.stopReason());
        double[] values = history.values(row);
        event.put("objectiveValues", values == null ? null : Arrays.stream(values).boxed().toList());
        event.put("objectiveIterations", Arrays.asList(history.iterations(row)));
        event.put("parameters", history.parameters(row));
        event.put("bestExperimentId", best);
        event.put("endedAt", row.endedAt() == null ? null : row.endedAt().toString());
        event.put("recordedAt", now.toString());
        return json.writeValueAsString(event);
    }
}
