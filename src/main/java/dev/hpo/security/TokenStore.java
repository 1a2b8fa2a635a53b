package dev.hpo.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code api_token} table: tokens by the hash of their secret. Active tokens found by {@link #findActive} are
 * kept for {@link SecuritySettings#tokenCacheTtl()} (every request of a worker carries its token: without the cache
 * each one costs a query); {@link #revoke} drops them at once, and a lookup that raced with a revocation is not
 * kept. Unknown secrets are never kept, so guessing fills no memory.
 */
@Repository
public class TokenStore {

    private static final String COLUMNS = "id, name, role, created_at, revoked_at";
    /** Tokens kept at most; beyond it the cache starts over (it only saves reads). */
    private static final int MAX_CACHED = 10_000;

    private record Cached(ApiToken token, long until) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long ttlNanos;
    private final Map<String, Cached> active = new ConcurrentHashMap<>();
    /** Bumped by every revocation, so a lookup that began before one does not cache what it read. */
    private final AtomicLong revocations = new AtomicLong();

    TokenStore(JdbcTemplate jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttlNanos = settings.tokenCacheTtl().toNanos();
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
        String hash = TokenSecrets.hash(secret);
        long now = System.nanoTime();
        Cached cached = active.get(hash);
        if (cached != null && now - cached.until() < 0) {
            return Optional.of(cached.token());
        }
        long generation = revocations.get();
        Optional<ApiToken> found = jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = ?"
                + " AND revoked_at IS NULL", TokenStore::row, hash).stream().findFirst();
        if (found.isEmpty()) {
            active.remove(hash);
        } else if (ttlNanos > 0) {
            if (active.size() >= MAX_CACHED) {
                active.clear();
            }
            active.put(hash, new Cached(found.get(), now + ttlNanos));
            if (revocations.get() != generation) {
                active.remove(hash); // a revocation ran meanwhile: read it again next time
            }
        }
        return found;
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
        forget(id);
        // again after the commit, for a lookup that read the row before it
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(id);
                }
            });
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", TokenStore::row, id).stream()
                .findFirst();
    }

    private void forget(UUID id) {
        revocations.incrementAndGet();
        active.values().removeIf(cached -> cached.token().id().equals(id));
    }

    private static ApiToken row(ResultSet rs, int i) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), Role.fromWire(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
