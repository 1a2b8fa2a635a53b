package dev.hpo.bench;

import java.util.List;
import java.util.Map;

import dev.hpo.space.SearchSpace;

/** Ackley (a = 20, b = 0.2, c = 2 pi) on three real and two integer coordinates; minimum 0 at the origin. */
final class AckleyMixed implements Problem {

    private static final double LIMIT = 32.768;
    private static final List<String> NAMES = List.of("x0", "x1", "x2", "k0", "k1");
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Ranges.uniform("x0", -LIMIT, LIMIT), Ranges.uniform("x1", -LIMIT, LIMIT),
            Ranges.uniform("x2", -LIMIT, LIMIT), Ranges.integer("k0", -32, 32), Ranges.integer("k1", -32, 32)));

    static double value(double[] x) {
        double squares = 0;
        double cosines = 0;
        for (double v : x) {
            squares += v * v;
            cosines += Math.cos(2 * Math.PI * v);
        }
        int n = x.length;
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / n)) - Math.exp(cosines / n) + 20 + Math.E;
    }

    @Override
    public String name() {
        return "ackley_mixed";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        double[] x = new double[NAMES.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Problem.number(point, NAMES.get(i));
        }
        return value(x);
    }

    @Override
    public double optimum() {
        return 0;
    }
}
