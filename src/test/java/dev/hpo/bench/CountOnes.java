package dev.hpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;

/** Minus the count of ones: four categorical "0"/"1" and four reals in [0, 1]; minimum -8. */
final class CountOnes implements Problem {

    private static final SearchSpace SPACE;

    static {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parameters.add(Ranges.discrete("c" + i, "0", "1"));
        }
        for (int i = 0; i < 4; i++) {
            parameters.add(Ranges.uniform("u" + i, 0, 1));
        }
        SPACE = new SearchSpace(List.copyOf(parameters));
    }

    @Override
    public String name() {
        return "count_ones";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += Integer.parseInt(String.valueOf(point.get("c" + i)));
            sum += Problem.number(point, "u" + i);
        }
        return -sum;
    }

    @Override
    public double optimum() {
        return -8;
    }
}
