package dev.hpo.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;

/**
 * An HPOLib table as a problem. Every parameter is a {@code discrete} choice among the values of
 * {@code space.json}: numbers as numbers (ordered numeric choices, which a strategy may model by rank), or, for the
 * all-categorical variants, every value as its text ({@code "16"}, {@code "0.3"}), so that no order is visible.
 * Experiment n observes training seed {@code n mod 4}; the true value is the mean over the four seeds.
 */
final class HpolibProblem implements Problem {

    private final String name;
    private final HpolibTable table;
    private final boolean asText;
    private final SearchSpace space;
    private final double optimum;

    /**
     * @param name   the protocol's name of the problem
     * @param asText true for the all-categorical variant: every choice is offered as a string
     */
    HpolibProblem(String name, HpolibTable table, boolean asText) {
        this.name = name;
        this.table = table;
        this.asText = asText;
        List<Parameter> parameters = new ArrayList<>();
        for (int p = 0; p < table.names().size(); p++) {
            Object[] values = table.choices().get(p).stream().map(v -> asText ? text(v) : v).toArray();
            parameters.add(Ranges.discrete(table.names().get(p), values));
        }
        this.space = new SearchSpace(List.copyOf(parameters));
        this.optimum = table.bestMean();
    }

    /** The protocol's {@code hpolib_protein}: numbers as numbers. */
    HpolibProblem(HpolibTable table) {
        this("hpolib_protein", table, false);
    }

    /** A choice as the all-categorical variants offer it: its plain decimal text ({@code "0.0005"}, {@code "16"}). */
    static String text(Object value) {
        return value instanceof Double d ? new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
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
            String parameter = table.names().get(p);
            digits[p] = choiceIndex(table.choices().get(p), point.get(parameter), parameter);
        }
        return table.index(digits);
    }

    /** Numbers match by value whatever their boxed type (a strategy may hand back 8.0 for 8); text by its text. */
    private int choiceIndex(List<Object> choices, Object value, String parameter) {
        for (int i = 0; i < choices.size(); i++) {
            Object choice = choices.get(i);
            if (asText ? text(choice).equals(value) : choice.equals(value) || (choice instanceof Number c
                    && value instanceof Number v && c.doubleValue() == v.doubleValue())) {
                return i;
            }
        }
        throw new IllegalArgumentException("parameter " + parameter + " has no choice " + value + " among " + choices);
    }
}
