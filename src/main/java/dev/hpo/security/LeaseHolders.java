package dev.hpo.security;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which token leased which experiment ({@code experiment.lease_token_id}, written by the lease itself in its
 * transaction), so a worker token can read the experiments it holds and no others.
 */
@Component
public class LeaseHolders {

    private final JdbcTemplate jdbc;

    LeaseHolders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the experiment with this id (any text) is RUNNING under a lease taken with {@code caller}'s token. */
    public boolean holds(Caller caller, String experimentId) {
        if (caller == null || caller.tokenId() == null || experimentId == null) {
            return false;
        }
        UUID id;
        try {
            id = UUID.fromString(experimentId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Integer held = jdbc.queryForObject("SELECT count(*) FROM experiment WHERE id = ? AND status = 'RUNNING'"
                + " AND lease_token_id = ?", Integer.class, id, caller.tokenId());
        return held != null && held > 0;
    }
}
