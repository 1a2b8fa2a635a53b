package dev.hpo.shared;

/**
 * A state change that the entity's lifecycle does not allow (e.g. completing an experiment that was aborted).
 * Answered as 409 Conflict; {@link #currentStatus()} tells the caller where the entity is.
 */
public class IllegalTransitionException extends RuntimeException {

    private final String currentStatus;

    public IllegalTransitionException(String message, String currentStatus) {
        super(message);
        this.currentStatus = currentStatus;
    }

    public String currentStatus() {
        return currentStatus;
    }
}
