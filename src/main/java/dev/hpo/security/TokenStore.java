package dev.hpo.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code api_token} table: tokens by the hash of their secret. */
@Repository
public class TokenStore {

    private static final String COLUMNS = "id, name, role, created_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TokenStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token created now; the caller shows {@code secret} once and forgets it. */
    public record Created(ApiToken token, String secret) {
    }

    /** Creates a token with a new random secret. */
    @Transactional
    public Created create(String name, Role role) {
        String secret = TokenSecrets.generate();
        return new Created(insert(name, role, secret), secret);
    }

    /** Stores {@code secret} (known to the operator, e.g. read from a file) as a token unless it already is one. */
    @Transactional
    public void ensure(String name, Role role, String secret) {
        if (findActive(secret).isEmpty()) {
            jdbc.update("INSERT INTO api_token (id, name, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (secret_hash) DO NOTHING", UUID.randomUUID(), name, role.wireName(),
                    TokenSecrets.hash(secret), Timestamp.from(clock.instant()));
        }
    }

    private ApiToken insert(String name, Role role, String secret) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO api_token (id, name, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                id, name, role.wireName(), TokenSecrets.hash(secret), Timestamp.from(now));
        return new ApiToken(id, name, role, now, null);
    }

    /** The unrevoked token whose secret this is. */
    public Optional<ApiToken> findActive(String secret) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = ? AND revoked_at IS NULL",
                TokenStore::row, TokenSecrets.hash(secret)).stream().findFirst();
    }

    /** Every token, newest first, revoked ones included. */
    public List<ApiToken> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id", TokenStore::row);
    }

    /** Revokes a token (again: no change); empty when there is no such token. */
    @Transactional
    public Optional<ApiToken> revoke(UUID id) {
        jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), id);
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", TokenStore::row, id).stream()
                .findFirst();
    }

    private static ApiToken row(ResultSet rs, int i) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), Role.fromWire(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
