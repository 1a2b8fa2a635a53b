package dev.hpo.experiment;

import java.util.Objects;
import java.util.UUID;

/** Identifies one experiment (one trial of a study). */
public record ExperimentId(UUID value) {

    public ExperimentId {
        Objects.requireNonNull(value, "id");
    }

    public static ExperimentId random() {
        return new ExperimentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
