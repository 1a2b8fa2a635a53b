package dev.hpo.export;

import java.util.ArrayList;
import java.util.List;

import dev.hpo.objective.Objective;

/**
 * The columns of an export: the fixed ones around one column per parameter name (search-space order, a parameter
 * set's keys in the order its combinations name them) and one per objective named {@code title/series}.
 */
public record ExportLayout(List<String> parameterNames, List<Objective> objectives) {

    /** The CSV header. */
    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("number", "id", "status", "stopReason"));
        header.addAll(parameterNames);
        for (Objective o : objectives) {
            header.add(objectiveName(o));
        }
        header.addAll(List.of("createdAt", "startedAt", "endedAt", "durationSeconds", "worker"));
        return header;
    }

    /** How an objective is named in CSV columns and JSON keys. */
    public static String objectiveName(Objective objective) {
        return objective.title() + "/" + objective.series();
    }
}
