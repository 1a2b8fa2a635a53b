package dev.hpo.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code hpo.security.*}).
 *
 * @param adminToken     the bootstrap admin token ({@code HPO_ADMIN_TOKEN}); kept in memory only, never stored.
 *                       Unset: a token is generated at the first start and written to {@code adminTokenFile}
 * @param adminTokenFile where the generated admin token is kept, readable only by the service's user
 *                       ({@code HPO_ADMIN_TOKEN_FILE}, default {@code .hpo/admin-token} under the working directory)
 * @param tokenCacheTtl  how long a replica trusts a token it looked up in {@code api_token} before it reads the row
 *                       again (default 5s; 0 reads it on every request). A revocation takes effect at once on the
 *                       replica that made it and within this time on the others
 */
@ConfigurationProperties("hpo.security")
public record SecuritySettings(String adminToken,
                               @DefaultValue(".hpo/admin-token") Path adminTokenFile,
                               @DefaultValue("5s") Duration tokenCacheTtl) {

    /** Shortest configured admin token accepted: anything shorter could be guessed. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public SecuritySettings {
        if (adminToken != null && adminToken.isBlank()) {
            adminToken = null;
        }
        if (adminToken != null && adminToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("hpo.security.admin-token (HPO_ADMIN_TOKEN) must be at least "
                    + MIN_TOKEN_LENGTH + " characters");
        }
        if (tokenCacheTtl == null || tokenCacheTtl.isNegative()) {
            throw new IllegalArgumentException("hpo.security.token-cache-ttl must be 0 or more");
        }
    }
}
