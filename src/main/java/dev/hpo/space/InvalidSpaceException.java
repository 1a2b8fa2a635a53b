package dev.hpo.space;

/** A search space or parameter that cannot be used, with a message that says what is wrong with the input. */
public class InvalidSpaceException extends IllegalArgumentException {

    public InvalidSpaceException(String message) {
        super(message);
    }
}
