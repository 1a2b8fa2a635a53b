package dev.hpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;

/**
 * The HPOLib protein-structure table as a problem: every parameter is a {@code discrete} choice among the
 * values of {@code space.json} (numbers as numbers, so strategies see them as categories). Experiment n
 * observes training seed {@code n mod 4}; the true value is the mean over the four seeds.
 */
final class HpolibProtein implements Problem {

    private final HpolibTable table;
    private final SearchSpace space;
    private final double optimum;

    HpolibProtein(HpolibTable table) {
        this.table = table;
        List<Parameter> parameters = new ArrayList<>();
        for (int p = 0; p < table.names().size(); p++) {
            parameters.add(Ranges.discrete(table.names().get(p), table.choices().get(p).toArray()));
        }
        this.space = new SearchSpace(List.copyOf(parameters));
        this.optimum = table.bestMean();
    }

    @Override
    public String name() {
        return "hpolib_protein";
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public double evaluate(Map<String, Object> point, int creationNumber) {
        return table.loss(indexOf(point), creationNumber % HpolibTable.SEEDS);
    }

    @Override
    public double trueValue(Map<String, Object> point) {
        return table.meanLoss(indexOf(point));
    }

    @Override
    public double optimum() {
        return optimum;
    }

    private int indexOf(Map<String, Object> point) {
        int[] digits = new int[table.names().size()];
        for (int p = 0; p < digits.length; p++) {
            String name = table.names().get(p);
            digits[p] = choiceIndex(table.choices().get(p), point.get(name), name);
        }
        return table.index(digits);
    }

    /** Numbers match by value whatever their boxed type (a strategy may hand back 8.0 for 8). */
    private static int choiceIndex(List<Object> choices, Object value, String name) {
        for (int i = 0; i < choices.size(); i++) {
            Object choice = choices.get(i);
            if (choice.equals(value) || (choice instanceof Number c && value instanceof Number v
                    && c.doubleValue() == v.doubleValue())) {
                return i;
            }
        }
        throw new IllegalArgumentException("parameter " + name + " has no choice " + value + " among " + choices);
    }
}
