package dev.hpo.shared.devdb;

/**
 * The development database cannot be used as configured: its port is taken, or the server answering on it is
 * not the one started on this service's data folder. The message says what to change.
 */
public class DevDatabaseException extends RuntimeException {

    private final String action;

    DevDatabaseException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What the user can do about it, naming the setting. */
    public String action() {
        return action;
    }
}
