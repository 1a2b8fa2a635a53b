package dev.hpo.shared;

import java.util.UUID;

/** An id in the request names nothing. Answered as 404 Not Found. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String kind, UUID id) {
        return new NotFoundException(kind + " " + id + " does not exist");
    }
}
