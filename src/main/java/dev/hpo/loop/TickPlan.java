package dev.hpo.loop;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one tick decided, as data ({@link TickDecider#decide}); {@link TickWriter} applies it in the tick's
 * transaction.
 *
 * @param ends               active experiments to end (limits, pruning, study end)
 * @param retries            RUNNING experiments whose worker was lost, to queue again for another attempt
 * @param created            experiments to create in free slots, in number order
 * @param strategyState      the strategy's state to save, or null when it did not change
 * @param experimentsCreated the study's experiment count after {@code created}
 * @param exhaustedReason    what the strategy said when it declared itself exhausted in this tick, or null
 * @param stoppingChecked    running experiments the stopping rule let go on, with the report count it saw
 * @param events             ended experiments whose job-complete event to record (including those ended here)
 * @param end                the study's end, or null when it goes on
 * @param reportDue          write {@code study.report} (and archive for {@code saveTopKOnly})
 */
record TickPlan(List<ExperimentEnd> ends, List<ExperimentRow> retries, List<NewExperiment> created,
                Map<String, Object> strategyState, int experimentsCreated, String exhaustedReason,
                Map<UUID, Long> stoppingChecked, List<ExperimentRow> events, StudyEnd end, boolean reportDue) {

    TickPlan {
        ends = List.copyOf(ends);
        retries = List.copyOf(retries);
        created = List.copyOf(created);
        stoppingChecked = Map.copyOf(stoppingChecked);
        events = List.copyOf(events);
    }

    /** The same plan creating nothing (its slots are filled on the next tick); the study does not end on it. */
    TickPlan withoutCreations() {
        return new TickPlan(ends, retries, List.of(), null, experimentsCreated - created.size(), null, stoppingChecked,
                events, null, reportDue);
    }
}
