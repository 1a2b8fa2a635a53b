package dev.hpo.shared.outbound;

/** A webhook URL the service will not call: why, in words for the operator. */
public class RefusedTargetException extends Exception {

    public RefusedTargetException(String message) {
        super(message);
    }
}
