package dev.hpo.shared;

/**
 * Well-formed input that the service cannot use (an invalid search space, an unknown strategy setting, a
 * disabled backend). Answered as 422 Unprocessable Content naming {@link #field()}.
 */
public class UnusableInputException extends RuntimeException {

    private final String field;

    public UnusableInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public UnusableInputException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
