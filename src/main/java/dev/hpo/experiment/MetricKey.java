package dev.hpo.experiment;

/** A metric of an experiment: its title and series. */
public record MetricKey(String title, String series) {
}
