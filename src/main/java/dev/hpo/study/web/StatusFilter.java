package dev.hpo.study.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.shared.InvalidInputException;

/** Parses a {@code status} query parameter (repeated or comma-separated, any case) into experiment statuses. */
final class StatusFilter {

    private StatusFilter() {
    }

    /** The statuses named; empty (meaning all) when the parameter is absent. */
    static Set<ExperimentStatus> parse(List<String> values) {
        Set<ExperimentStatus> statuses = EnumSet.noneOf(ExperimentStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String s : values) {
            try {
                statuses.add(ExperimentStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "must be QUEUED, RUNNING, COMPLETED, FAILED or ABORTED, not '"
                        + s + "'");
            }
        }
        return statuses;
    }
}
