package dev.hpo.shared;

/** The caller's role may not make this request (decided from its content, not its endpoint). Answered as 403. */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that needs the higher role. */
    public String field() {
        return field;
    }
}
