package dev.hpo.security;

import java.time.Instant;
import java.util.UUID;

/** A stored API token, without its secret (only the secret's hash is stored, and it is never shown). */
public record ApiToken(UUID id, String name, Role role, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
