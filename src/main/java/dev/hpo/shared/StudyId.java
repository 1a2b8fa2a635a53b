package dev.hpo.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one study. */
public record StudyId(UUID value) {

    public StudyId {
        Objects.requireNonNull(value, "id");
    }

    public static StudyId random() {
        return new StudyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
