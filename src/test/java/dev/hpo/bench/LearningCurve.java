package dev.hpo.bench;

import java.util.List;
import java.util.Map;

import dev.hpo.space.SearchSpace;

/**
 * The protocol's learning-curve simulator: a configuration's {@code final} loss and its value after each
 * epoch. Small learning rates learn slowly, so curves cross and early epochs mislead greedy halving.
 *
 * <p>Encoding of {@code width} (uniform_integer [16, 1024], log-scaled in the protocol): the space has no
 * integer range on a log scale, so {@code width} is a continuous log-uniform {@code 2 ** e}, e in [4, 10],
 * and the simulator rounds it to the nearest integer. This samples exactly like a log-scaled integer range
 * (Optuna's {@code suggest_int(log=True)} also draws in log space and rounds).
 */
record LearningCurve(double lr, long log2Batch, double dropout, String optimizer, long width) {

    static final int MAX_EPOCH = 81;
    static final double REFERENCE_OPTIMUM = 0.05;

    static final SearchSpace SPACE = new SearchSpace(List.of(
            Ranges.logUniform("lr", -5, -1, 10),
            Ranges.integer("log2_batch", 4, 9),
            Ranges.uniform("dropout", 0, 0.9),
            Ranges.discrete("optimizer", "sgd", "momentum", "adam"),
            Ranges.logUniform("width", 4, 10, 2)));

    static LearningCurve of(Map<String, Object> point) {
        long width = Math.round(Problem.number(point, "width"));
        return new LearningCurve(Problem.number(point, "lr"), Math.round(Problem.number(point, "log2_batch")),
                Problem.number(point, "dropout"), String.valueOf(point.get("optimizer")),
                Math.max(16, Math.min(1024, width)));
    }

    private double lrOptimum() {
        return switch (optimizer) {
            case "sgd" -> -1.5;
            case "momentum" -> -2.0;
            case "adam" -> -3.0;
            default -> throw new IllegalArgumentException("optimizer must be sgd, momentum or adam, was " + optimizer);
        };
    }

    private double offset() {
        return switch (optimizer) {
            case "sgd" -> 0.03;
            case "momentum" -> 0.01;
            default -> 0.0;
        };
    }

    private double log2Width() {
        return Math.log(width) / Math.log(2);
    }

    /** The loss the curve tends to. */
    double finalValue() {
        double u = Math.log10(lr);
        double lw = log2Width();
        double dropoutOptimum = 0.1 + 0.4 * (lw - 4) / 6;
        double du = u - lrOptimum();
        double dd = dropout - dropoutOptimum;
        double db = log2Batch - 6;
        double dw = lw - 8;
        return 0.05 + offset() + 0.06 * du * du + 0.3 * dd * dd + 0.01 * db * db / 4 + 0.02 * dw * dw / 16;
    }

    /** The loss after {@code epoch} epochs (1-based). */
    double valueAt(long epoch) {
        double u = Math.log10(lr);
        double tau = 1 + 12 * Math.pow(10, 0.5 * (lrOptimum() - u));
        double f = finalValue();
        return f + (1 - f) * Math.exp(-epoch / tau);
    }
}
