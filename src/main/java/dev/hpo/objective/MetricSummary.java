package dev.hpo.objective;

/** What is kept of one metric (title/series) of one experiment as scalars arrive. */
public record MetricSummary(double last, long lastIteration, double min, double max, long count) {
}
