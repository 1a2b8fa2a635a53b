package dev.hpo.security;

import org.springframework.stereotype.Component;

/**
 * A worker token this service instance makes for the scripts its {@code process} backend runs ({@code HPO_TOKEN}),
 * so they can report scalars over HTTP. Random per start, kept in memory only (never stored), and accepted by this
 * instance only: a script whose {@code HPO_API_URL} points at another replica reports on stdout instead.
 */
@Component
public class ServiceWorkerToken {

    private final String secret = TokenSecrets.generate();

    /** The secret to hand to child processes. */
    public String secret() {
        return secret;
    }
}
