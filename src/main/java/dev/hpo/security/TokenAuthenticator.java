package dev.hpo.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Turns a bearer secret into its {@link Caller}: the configured bootstrap admin token (compared in constant time,
 * never stored), the {@link ServiceWorkerToken} of this instance's process backend, else an unrevoked token of the {@code api_token} table found by the hash of the secret.
 */
@Component
public class TokenAuthenticator {

    /** Longest secret looked up: anything longer is no token of ours. */
    static final int MAX_SECRET_LENGTH = 512;

    private final TokenStore store;
    private final byte[] configuredAdminHash;
    private final byte[] serviceWorkerHash;

    TokenAuthenticator(TokenStore store, SecuritySettings settings, ServiceWorkerToken serviceWorker) {
        this.store = store;
        this.serviceWorkerHash = TokenSecrets.hash(serviceWorker.secret()).getBytes(StandardCharsets.US_ASCII);
        this.configuredAdminHash = settings.adminToken() == null ? null
                : TokenSecrets.hash(settings.adminToken()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The caller this secret belongs to; empty for an unknown or revoked token. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = TokenSecrets.hash(secret).getBytes(StandardCharsets.US_ASCII);
        if (configuredAdminHash != null && MessageDigest.isEqual(configuredAdminHash, hash)) {
            return Optional.of(new Caller(null, "configured admin token", Role.ADMIN));
        }
        if (MessageDigest.isEqual(serviceWorkerHash, hash)) {
            return Optional.of(new Caller(null, "process backend scripts", Role.WORKER));
        }
        return store.findActive(secret).map(token -> new Caller(token.id(), token.name(), token.role()));
    }
}
