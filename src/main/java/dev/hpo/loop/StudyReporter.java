package dev.hpo.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.objective.Objective;
import dev.hpo.study.StudyLimits;
import dev.hpo.study.StudyStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 6 of a tick: the study report (counters by status, remaining budget, best so far, the top-k table) in
 * {@code study.report}, and {@code save_top_k_only} archiving: ended experiments ranked k or lower are
 * archived, and one that climbs back into the top k is unarchived. Active experiments are never archived.
 */
@Component
class StudyReporter {

    /** Rows of the report's table when the study keeps every experiment. */
    static final int DEFAULT_TABLE_SIZE = 10;

    private final LoopStore store;
    private final JsonMapper json;

    StudyReporter(LoopStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    void report(StudyRow study, int experimentsCreated, StudyStatus status, String statusReason, String exhaustedReason,
                StudySnapshot snapshot, List<Ranks.Ranked> ranking, Instant now) {
        archive(study, snapshot, ranking);
        int tableSize = study.saveTopKOnly() != null ? study.saveTopKOnly() : DEFAULT_TABLE_SIZE;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generatedAt", now.toString());
        report.put("status", status.name());
        report.put("statusReason", statusReason);
        report.put("strategyExhausted", exhaustedReason);
        report.put("elapsedMinutes", study.startedAt() == null ? null
                : Duration.between(study.startedAt(), now).toMillis() / 60_000.0);
        double computeMinutes = snapshot.computeMinutes(now);
        report.put("computeMinutes", computeMinutes);
        report.put("counters", counters(snapshot));
        report.put("remainingBudget", remaining(study, snapshot.model.limits, experimentsCreated, computeMinutes, now));
        List<Map<String, Object>> objectives = new ArrayList<>();
        for (Objective objective : snapshot.model.objectives) {
            objectives.add(Map.of("title", objective.title(), "series", objective.series(), "sign", objective.sign().json()));
        }
        report.put("objectives", objectives);
        List<Map<String, Object>> table = new ArrayList<>();
        for (int i = 0; i < Math.min(tableSize, ranking.size()); i++) {
            table.add(row(i + 1, ranking.get(i), snapshot));
        }
        report.put("best", table.isEmpty() ? null : table.get(0));
        report.put("topK", table);
        store.writeReport(study.id(), json.writeValueAsString(report), now);
    }

    private void archive(StudyRow study, StudySnapshot snapshot, List<Ranks.Ranked> ranking) {
        Integer k = study.saveTopKOnly();
        if (k == null) {
            return;
        }
        Set<UUID> top = new HashSet<>();
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            top.add(ranking.get(i).row().id());
        }
        List<UUID> archive = new ArrayList<>();
        List<UUID> unarchive = new ArrayList<>();
        for (ExperimentRow row : List.copyOf(snapshot.experiments())) {
            if (row.active()) {
                continue;
            }
            boolean keep = top.contains(row.id());
            if (keep && row.archived()) {
                unarchive.add(row.id());
                snapshot.put(row.archivedAs(false));
            } else if (!keep && !row.archived()) {
                archive.add(row.id());
                snapshot.put(row.archivedAs(true));
            }
        }
        store.setArchived(archive, true);
        store.setArchived(unarchive, false);
    }

    private static Map<String, Object> counters(StudySnapshot snapshot) {
        Map<String, Object> counters = new LinkedHashMap<>();
        for (ExperimentStatus status : ExperimentStatus.values()) {
            counters.put(status.name().toLowerCase(), 0);
        }
        int archived = 0;
        for (ExperimentRow row : snapshot.experiments()) {
            counters.merge(row.status().name().toLowerCase(), 1, (a, b) -> (Integer) a + (Integer) b);
            if (row.archived()) {
                archived++;
            }
        }
        counters.put("archived", archived);
        counters.put("active", snapshot.activeCount());
        counters.put("total", snapshot.size());
        return counters;
    }

    private static Map<String, Object> remaining(StudyRow study, StudyLimits limits, int created, double computeMinutes,
                                                 Instant now) {
        Map<String, Object> remaining = new LinkedHashMap<>();
        remaining.put("jobsPercent", limits.totalMaxJobs() == null ? null
                : percent(limits.totalMaxJobs() - created, limits.totalMaxJobs()));
        Double timePercent = null;
        if (study.deadline() != null && study.startedAt() != null) {
            double total = Duration.between(study.startedAt(), study.deadline()).toMillis();
            double left = Duration.between(now, study.deadline()).toMillis();
            timePercent = total <= 0 ? 0.0 : percent(left, total);
        }
        remaining.put("timePercent", timePercent);
        remaining.put("computePercent", limits.computeTimeLimitMinutes() == null ? null
                : percent(limits.computeTimeLimitMinutes() - computeMinutes, limits.computeTimeLimitMinutes()));
        return remaining;
    }

    private static double percent(double left, double total) {
        return Math.max(0, Math.min(100, 100.0 * left / total));
    }

    private static Map<String, Object> row(int rank, Ranks.Ranked ranked, StudySnapshot snapshot) {
        ExperimentRow row = ranked.row();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rank", rank);
        entry.put("experimentId", row.id());
        entry.put("number", row.number());
        entry.put("status", row.status().name());
        entry.put("stopReason", row.stopReason() == null ? null : row.stopReason().code());
        entry.put("objectiveValues", Arrays.stream(ranked.values()).boxed().toList());
        entry.put("iterations", Arrays.asList(snapshot.iterations(row)));
        entry.put("parameters", snapshot.parameters(row));
        return entry;
    }
}
