package dev.hpo.experiment;

import java.time.Instant;

/** A stored metric point with the time it arrived. */
public record StoredScalar(String title, String series, long iteration, double value, Instant reportedAt) {
}
