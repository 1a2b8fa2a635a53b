package dev.hpo.bench;

import java.util.List;

/**
 * One row of the multi-fidelity table: a strategy and an early-stopping rule, written {@code strategy+rule}
 * ({@code none} for no rule, e.g. {@code tpe+asha}), or a strategy alone ({@code hyperband}). Either part may
 * carry settings as in {@link StrategyRow}: {@code tpe(gamma=0.2)+asha(reductionFactor=4)}.
 */
record MultiFidelityRow(String label, StrategyRow strategy, StrategyRow rule) {

    static MultiFidelityRow parse(String text) {
        String trimmed = text.trim();
        int plus = splitPoint(trimmed);
        if (plus < 0) {
            return new MultiFidelityRow(trimmed, StrategyRow.parse(trimmed), null);
        }
        StrategyRow rule = StrategyRow.parse(trimmed.substring(plus + 1));
        return new MultiFidelityRow(trimmed, StrategyRow.parse(trimmed.substring(0, plus)),
                rule.strategy().equals("none") ? null : rule);
    }

    static List<MultiFidelityRow> parseList(String text) {
        return StrategyRow.split(text).stream().map(MultiFidelityRow::parse).toList();
    }

    /** The '+' outside parentheses, or -1. */
    private static int splitPoint(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == '+' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
