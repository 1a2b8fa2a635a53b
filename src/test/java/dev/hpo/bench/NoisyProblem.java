package dev.hpo.bench;

import java.util.Map;

import dev.hpo.space.SearchSpace;

/**
 * A problem observed with additive Gaussian noise of standard deviation {@code sigma}; the regret is measured on the
 * noise-free value. The noise of experiment n in the run with seed s is {@link PortableNoise#normal(long, long)} of
 * (s, n): independent between seeds and experiments, and the same in the Optuna script, so both see the same draws.
 */
final class NoisyProblem implements Problem {

    private final String name;
    private final Problem inner;
    private final double sigma;

    NoisyProblem(String name, Problem inner, double sigma) {
        this.name = name;
        this.inner = inner;
        this.sigma = sigma;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SearchSpace space() {
        return inner.space();
    }

    @Override
    public double evaluate(Map<String, Object> point, int creationNumber, long seed) {
        return inner.evaluate(point, creationNumber, seed) + sigma * PortableNoise.normal(seed, creationNumber);
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        return inner.trueValue(point);
    }

    @Override
    public double optimum() {
        return inner.optimum();
    }
}
