package dev.hpo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the quality table: a label, the catalog name of the strategy and its settings.
 *
 * <p>Rows are written {@code label} for the standard ones ({@code random}, {@code tpe}, {@code tpe_mv},
 * {@code cmaes}, or any catalog name) or {@code name(key=value;key=value)} to try settings, e.g.
 * {@code tpe(gamma=0.15;candidates=48)}; values are booleans, integers, numbers or strings.
 */
record StrategyRow(String label, String strategy, Map<String, Object> settings) {

    static final List<String> STANDARD = List.of("random", "tpe", "tpe_mv", "cmaes", "gp", "auto");

    static StrategyRow parse(String text) {
        String trimmed = text.trim();
        int open = trimmed.indexOf('(');
        if (open < 0) {
            return switch (trimmed) {
                case "tpe_mv" -> new StrategyRow("tpe_mv", "tpe", Map.of("multivariate", true));
                default -> new StrategyRow(trimmed, trimmed, Map.of());
            };
        }
        if (!trimmed.endsWith(")")) {
            throw new IllegalArgumentException("strategy row '" + text + "' must end with ')'");
        }
        StrategyRow base = parse(trimmed.substring(0, open));
        Map<String, Object> settings = new LinkedHashMap<>(base.settings());
        for (String pair : trimmed.substring(open + 1, trimmed.length() - 1).split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("setting '" + pair + "' of row '" + text + "' must be key=value");
            }
            settings.put(pair.substring(0, eq).trim(), value(pair.substring(eq + 1).trim()));
        }
        return new StrategyRow(trimmed, base.strategy(), Map.copyOf(settings));
    }

    /** Parses a comma-separated list of rows. */
    static List<StrategyRow> parseList(String text) {
        return split(text).stream().map(StrategyRow::parse).toList();
    }

    /** Splits at the commas outside parentheses, dropping blank parts. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                if (!text.substring(start, i).isBlank()) {
                    parts.add(text.substring(start, i).trim());
                }
                start = i + 1;
            }
        }
        return parts;
    }

    /** Typed like a JSON number would come back from the API: Integer when it fits, else Long or Double. */
    private static Object value(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            long l = Long.parseLong(text);
            return l == (int) l ? (Object) (int) l : (Object) l;
        } catch (NumberFormatException notInteger) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }
}
