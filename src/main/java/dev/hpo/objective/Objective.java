package dev.hpo.objective;

/** One metric to optimize: its title/series and a {@link Sign}. */
public record Objective(String title, String series, Sign sign) {

    /** The value an experiment is ranked by, given its summary of this metric. */
    public double valueOf(MetricSummary summary) {
        return switch (sign) {
            case MIN, MAX -> summary.last();
            case MIN_GLOBAL -> summary.min();
            case MAX_GLOBAL -> summary.max();
        };
    }

    /** The value as a loss: smaller is always better. */
    public double loss(double value) {
        return sign.minimizes() ? value : -value;
    }
}
