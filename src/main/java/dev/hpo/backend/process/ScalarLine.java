package dev.hpo.backend.process;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stdout line a child process prints to report one scalar point:
 *
 * <pre>hpo:scalar {"title":"validation","series":"loss","iteration":3,"value":0.25}</pre>
 *
 * The line starts with {@code hpo:scalar}, then white space, then one JSON object on the same line with a non-blank
 * string {@code title} and {@code series}, a non-negative integer {@code iteration} and a finite number
 * {@code value}. Unknown fields are ignored, so the format can grow. Any other line is plain output.
 * JSON keeps it robust: titles may hold spaces, and every language can print it in one call.
 */
final class ScalarLine {

    static final String PREFIX = "hpo:scalar";

    private static final JsonMapper JSON = JsonMapper.shared();

    private ScalarLine() {
    }

    /** Whether the line is meant as a scalar report (it may still be malformed). */
    static boolean isScalarLine(String line) {
        return line.startsWith(PREFIX)
                && (line.length() == PREFIX.length() || Character.isWhitespace(line.charAt(PREFIX.length())));
    }

    /**
     * Reads the point from a line for which {@link #isScalarLine} holds.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static ReportedScalar parse(String line) {
        String body = line.substring(PREFIX.length()).strip();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("no JSON object after " + PREFIX);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String title = text(node, "title");
        String series = text(node, "series");
        JsonNode iteration = node.get("iteration");
        if (iteration == null || !iteration.isIntegralNumber() || !iteration.canConvertToLong()
                || iteration.longValue() < 0) {
            throw new IllegalArgumentException("iteration must be a non-negative integer");
        }
        JsonNode value = node.get("value");
        if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new IllegalArgumentException("value must be a finite number");
        }
        return new ReportedScalar(title, series, iteration.longValue(), value.doubleValue());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string");
        }
        return value.stringValue();
    }
}
