package dev.hpo.experiment;

import java.util.UUID;

import dev.hpo.objective.MetricSummary;

/** One row of {@code metric_summary}: an experiment's summary of one metric. */
public record ExperimentMetric(UUID experimentId, String title, String series, MetricSummary summary) {

    public MetricKey key() {
        return new MetricKey(title, series);
    }
}
