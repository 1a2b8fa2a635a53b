package dev.hpo.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One experiment as exported.
 *
 * @param parameters      the experiment's parameters as stored (JSON scalars: strings, numbers, booleans)
 * @param objectiveValues one per study objective, in study order, by the objective's sign; null where not reported
 */
public record ExportRow(int number, UUID id, String status, String stopReason, Map<String, Object> parameters,
                        List<Double> objectiveValues, Instant createdAt, Instant startedAt, Instant endedAt,
                        String worker) {

    /** Seconds from start to end; null unless the experiment started and ended. */
    public Double durationSeconds() {
        if (startedAt == null || endedAt == null) {
            return null;
        }
        return (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
