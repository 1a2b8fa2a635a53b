package dev.hpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;

/**
 * A numeric test function on a box: parameters {@code x0..x(d-1)}, each uniform on the same [low, high], observed
 * without noise.
 */
final class BoxFunction implements Problem {

    private final String name;
    private final int dimensions;
    private final ToDoubleFunction<double[]> function;
    private final double optimum;
    private final SearchSpace space;

    BoxFunction(String name, int dimensions, double low, double high, ToDoubleFunction<double[]> function,
                double optimum) {
        this.name = name;
        this.dimensions = dimensions;
        this.function = function;
        this.optimum = optimum;
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < dimensions; i++) {
            parameters.add(Ranges.uniform("x" + i, low, high));
        }
        this.space = new SearchSpace(List.copyOf(parameters));
    }

    static BoxFunction rosenbrock10() {
        return new BoxFunction("rosenbrock10", 10, -5, 10, TestFunctions::rosenbrock, 0);
    }

    static BoxFunction levy10() {
        return new BoxFunction("levy10", 10, -10, 10, TestFunctions::levy, 0);
    }

    static BoxFunction styblinskiTang20() {
        return new BoxFunction("styblinski_tang20", 20, -5, 5, TestFunctions::styblinskiTang,
                20 * TestFunctions.STYBLINSKI_TANG_MIN);
    }

    static BoxFunction ackley10() {
        return new BoxFunction("ackley10", 10, -32.768, 32.768, TestFunctions::ackley, 0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        double[] x = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            x[i] = Problem.number(point, "x" + i);
        }
        return function.applyAsDouble(x);
    }

    @Override
    public double optimum() {
        return optimum;
    }
}
