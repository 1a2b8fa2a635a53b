package dev.hpo.security;

import java.util.Locale;

/**
 * What a token may do. {@code admin} includes everything {@code user} may do, {@code user} everything
 * {@code viewer} may do; {@code worker} may only run experiments (the worker protocol) and read the ones it holds.
 */
public enum Role {
    ADMIN, USER, WORKER, VIEWER;

    /** The lower-case name the API and the database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this API name, or null. */
    public static Role fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
