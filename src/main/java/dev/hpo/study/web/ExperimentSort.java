package dev.hpo.study.web;

import java.util.Locale;

import dev.hpo.experiment.ExperimentTable;
import dev.hpo.shared.InvalidInputException;

/** Parses the experiment table's {@code sort} parameter: {@code <key>[,asc|desc]}. */
final class ExperimentSort {

    private ExperimentSort() {
    }

    static ExperimentTable.Sort parse(String text, int objectives) {
        String[] parts = text.split(",", -1);
        if (parts.length > 2) {
            throw bad(text);
        }
        boolean descending = false;
        if (parts.length == 2) {
            String direction = parts[1].trim().toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw bad(text);
            }
            descending = direction.equals("desc");
        }
        String key = parts[0].trim();
        int objective = 0;
        ExperimentTable.SortKey sortKey = switch (key) {
            case "number" -> ExperimentTable.SortKey.NUMBER;
            case "status" -> ExperimentTable.SortKey.STATUS;
            case "createdAt" -> ExperimentTable.SortKey.CREATED_AT;
            case "startedAt" -> ExperimentTable.SortKey.STARTED_AT;
            case "endedAt" -> ExperimentTable.SortKey.ENDED_AT;
            case "duration" -> ExperimentTable.SortKey.DURATION;
            case "worker" -> ExperimentTable.SortKey.WORKER;
            default -> null;
        };
        if (sortKey == null && (key.equals("objective") || key.startsWith("objective:"))) {
            sortKey = ExperimentTable.SortKey.OBJECTIVE;
            if (key.startsWith("objective:")) {
                try {
                    objective = Integer.parseInt(key.substring("objective:".length()));
                } catch (NumberFormatException e) {
                    throw bad(text);
                }
            }
            if (objective < 0 || objective >= objectives) {
                throw new InvalidInputException("sort", "the study has " + objectives + " objective(s); no objective "
                        + objective);
            }
        }
        if (sortKey == null) {
            throw bad(text);
        }
        return new ExperimentTable.Sort(sortKey, objective, descending);
    }

    private static InvalidInputException bad(String text) {
        return new InvalidInputException("sort", "must be number, status, createdAt, startedAt, endedAt, duration, "
                + "worker, objective or objective:<index>, optionally with ,asc or ,desc; not '" + text + "'");
    }
}
