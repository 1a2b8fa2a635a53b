package dev.hpo.security;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the token's id (null for the configured bootstrap admin token), its name and its role. The
 * principal of every authenticated request; {@link #current()} reads it.
 */
public record Caller(UUID tokenId, String name, Role role) {

    /** The caller of the request on this thread, or null when it carries no token. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }

    /** Whether the request on this thread carries an admin token. */
    public static boolean currentIsAdmin() {
        Caller caller = current();
        return caller != null && caller.role() == Role.ADMIN;
    }
}
