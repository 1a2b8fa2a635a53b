package dev.hpo.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

/**
 * The tree-structured function of Jenatton et al., "Bayesian Optimization with Tree-structured Dependencies" (ICML
 * 2017), as Ax's {@code jenatton_test_function} defines it: binary choices x1, then x2 (when x1 = 0) or x3 (when
 * x1 = 1), each leaf with its own real x4..x7 in [0, 1] and a real r8 (x1 = 0) or r9 (x1 = 1) in [0, 1] shared by
 * the leaves of a branch:
 * <pre>
 * x1=0, x2=0: x4^2 + 0.1 + r8     x1=0, x2=1: x5^2 + 0.2 + r8
 * x1=1, x3=0: x6^2 + 0.3 + r9     x1=1, x3=1: x7^2 + 0.4 + r9
 * </pre>
 * Minimum 0.1 at x1 = x2 = 0, x4 = r8 = 0. The space is one parameter set whose four combinations are the leaves
 * (the constants x1 and x2 or x3, the nested reals); r8 and r9 are the same nested parameter in both leaves of their
 * branch, so a strategy can share what it learns about them.
 */
final class Jenatton implements Problem {

    private static final SearchSpace SPACE;

    static {
        UniformRange r8 = Ranges.uniform("r8", 0, 1);
        UniformRange r9 = Ranges.uniform("r9", 0, 1);
        SPACE = new SearchSpace(List.of(new ParameterSet("model", List.of(
                leaf("x1", 0L, "x2", 0L, Ranges.uniform("x4", 0, 1), r8),
                leaf("x1", 0L, "x2", 1L, Ranges.uniform("x5", 0, 1), r8),
                leaf("x1", 1L, "x3", 0L, Ranges.uniform("x6", 0, 1), r9),
                leaf("x1", 1L, "x3", 1L, Ranges.uniform("x7", 0, 1), r9)))));
    }

    private static Map<String, Object> leaf(String first, long firstValue, String second, long secondValue,
                                            UniformRange leaf, UniformRange shared) {
        Map<String, Object> combination = new LinkedHashMap<>();
        combination.put(first, firstValue);
        combination.put(second, secondValue);
        combination.put(leaf.name(), leaf);
        combination.put(shared.name(), shared);
        return combination;
    }

    @Override
    public String name() {
        return "jenatton";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        if (Problem.number(point, "x1") == 0) {
            double r8 = Problem.number(point, "r8");
            return Problem.number(point, "x2") == 0 ? square(point, "x4") + 0.1 + r8 : square(point, "x5") + 0.2 + r8;
        }
        double r9 = Problem.number(point, "r9");
        return Problem.number(point, "x3") == 0 ? square(point, "x6") + 0.3 + r9 : square(point, "x7") + 0.4 + r9;
    }

    private static double square(Map<String, Object> point, String name) {
        double x = Problem.number(point, name);
        return x * x;
    }

    @Override
    public double optimum() {
        return 0.1;
    }
}
