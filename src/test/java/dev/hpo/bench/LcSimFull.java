package dev.hpo.bench;

import java.util.Map;

import dev.hpo.space.SearchSpace;

/** The learning-curve simulator read at its last epoch (81): one full-budget value per experiment. */
final class LcSimFull implements Problem {

    @Override
    public String name() {
        return "lc_sim_full";
    }

    @Override
    public SearchSpace space() {
        return LearningCurve.SPACE;
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        return LearningCurve.of(point).valueAt(LearningCurve.MAX_EPOCH);
    }

    @Override
    public double optimum() {
        return LearningCurve.REFERENCE_OPTIMUM;
    }
}
