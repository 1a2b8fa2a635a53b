package dev.hpo.experiment;

/** One reported metric point of an experiment. */
public record ScalarPoint(String title, String series, long iteration, double value) {
}
