package dev.hpo.space;

/**
 * An {@link InvalidSpaceException} that knows which field of which parameter was wrong, so the JSON codec can
 * restate it with the path the client sent (e.g. {@code parameters[1].max}).
 */
final class InvalidFieldException extends InvalidSpaceException {

    private final String field;
    private final String detail;

    InvalidFieldException(String parameter, String field, String detail) {
        super("parameter '" + parameter + "': " + (field == null ? detail : field + " " + detail));
        this.field = field;
        this.detail = detail;
    }

    /** The offending field relative to the parameter (e.g. {@code max}, {@code combinations[0].lr}); null for the whole. */
    String field() {
        return field;
    }

    /** What is wrong, without the field: e.g. {@code must be greater than min (0.3 <= 0.5)}. */
    String detail() {
        return detail;
    }
}
