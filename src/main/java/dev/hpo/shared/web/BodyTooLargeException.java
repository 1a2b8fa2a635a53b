package dev.hpo.shared.web;

import java.io.IOException;

/**
 * A request body past {@link RequestSizeSettings#maxRequestSize()}, thrown from the body's stream so that it
 * surfaces wherever the body is read and reaches the problem-details advice as the cause of the read failure.
 */
class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
