package dev.hpo.shared;

import java.util.List;

/**
 * Input that breaks the request's own rules (a non-finite number, a URL that is not http(s)), found after
 * binding. Answered as 400 Bad Request with one {@code errors} entry per {@link FieldError}.
 */
public class InvalidInputException extends RuntimeException {

    /** One offending field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
