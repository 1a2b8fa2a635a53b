package dev.hpo.bench;

import java.util.List;
import java.util.Map;

import dev.hpo.space.SearchSpace;

/** Branin-Hoo on x1 in [-5, 10], x2 in [0, 15]; three global minimisers with value 5/(4 pi) = 0.397887... */
final class Branin implements Problem {

    static final double OPTIMUM = 0.39788735772973816;

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Ranges.uniform("x1", -5, 10), Ranges.uniform("x2", 0, 15)));

    static double value(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double a = x2 - b * x1 * x1 + c * x1 - 6;
        return a * a + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    @Override
    public String name() {
        return "branin";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        return value(Problem.number(point, "x1"), Problem.number(point, "x2"));
    }

    @Override
    public double optimum() {
        return OPTIMUM;
    }
}
