package dev.hpo.experiment;

import java.util.Objects;
import java.util.UUID;

/** Identifies one base experiment, the template experiments are cloned from. */
public record BaseExperimentId(UUID value) {

    public BaseExperimentId {
        Objects.requireNonNull(value, "id");
    }

    public static BaseExperimentId random() {
        return new BaseExperimentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
