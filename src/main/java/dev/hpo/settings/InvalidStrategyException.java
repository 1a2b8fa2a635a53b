package dev.hpo.settings;

/** Strategy or early-stopping settings that cannot be used, with a message that names the setting. */
public class InvalidStrategyException extends IllegalArgumentException {

    public InvalidStrategyException(String message) {
        super(message);
    }
}
