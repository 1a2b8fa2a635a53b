package dev.hpo.shared.outbound;

import java.net.InetAddress;
import java.net.URI;

/**
 * A checked webhook URL: the address its host resolved to when it was checked, which is the address to connect to
 * (resolving again would let the name point somewhere else in between).
 */
public record WebhookTarget(URI uri, String host, InetAddress address, int port, boolean https) {

    /** Path and query to request, {@code /} when the URL has none. */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
