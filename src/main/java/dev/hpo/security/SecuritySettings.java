package dev.hpo.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code hpo.security.*}).
 *
 * @param adminToken     the bootstrap admin token ({@code HPO_ADMIN_TOKEN}); kept in memory only, never stored.
 *                       Unset: a token is generated at the first start and written to {@code adminTokenFile}
 * @param adminTokenFile where the generated admin token is kept, readable only by the service's user
 *                       ({@code HPO_ADMIN_TOKEN_FILE}, default {@code .hpo/admin-token} under the working directory)
 */
@ConfigurationProperties("hpo.security")
public record SecuritySettings(String adminToken,
                               @DefaultValue(".hpo/admin-token") Path adminTokenFile) {

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
    }
}
