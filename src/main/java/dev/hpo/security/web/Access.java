package dev.hpo.security.web;

import java.util.EnumSet;
import java.util.Set;

import dev.hpo.security.Role;

/** Who may call an endpoint; {@link AccessRules} gives each endpoint one of these. */
public enum Access {
    /** Anyone, without a token (health, the contract, Swagger UI, the dashboard's static files). */
    PUBLIC(EnumSet.allOf(Role.class)),
    /** Reading: viewer, user, admin. */
    VIEWER(EnumSet.of(Role.VIEWER, Role.USER, Role.ADMIN)),
    /** Changing studies and base experiments: user, admin. */
    USER(EnumSet.of(Role.USER, Role.ADMIN)),
    /** Tokens and Actuator: admin only. */
    ADMIN(EnumSet.of(Role.ADMIN)),
    /** The worker protocol (lease, heartbeat, scalars, complete, fail): worker, user, admin. */
    WORKER(EnumSet.of(Role.WORKER, Role.USER, Role.ADMIN)),
    /** Reading one experiment: viewer, user, admin, and a worker token while it holds that experiment. */
    HELD_EXPERIMENT(EnumSet.of(Role.VIEWER, Role.USER, Role.ADMIN));

    private final Set<Role> roles;

    Access(Set<Role> roles) {
        this.roles = roles;
    }

    /** Whether {@code role} may call it (for {@link #HELD_EXPERIMENT}, a worker also needs to hold the experiment). */
    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
