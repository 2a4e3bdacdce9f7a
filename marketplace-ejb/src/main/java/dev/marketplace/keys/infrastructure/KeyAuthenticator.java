package dev.marketplace.keys.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.domain.KeySecret;
import dev.marketplace.keys.domain.LimitReset;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Resolves a presented key to its state from an in-memory cache keyed by the key's hash. Unknown hashes are
 * cached too (bounded), so random keys cannot turn into one query each. Entries expire after {@link #CACHE_TTL};
 * a change made on any node is dropped from every node's cache within about a second by {@link KeyCacheSync}.
 */
@ApplicationScoped
public class KeyAuthenticator {
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    static final long CACHE_MAX_ENTRIES = 200_000;
    private static final String LOAD = """
            select id, developer_id, revoked_at is null, kind, disabled, expires_at, credit_limit_micros, limit_reset,
                   rate_limit_rpm
            from api_key where key_hash = ?""";
    private static final String LOAD_BY_ID = LOAD.replace("where key_hash = ?", "where id = ?");

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    private final Cache<String, Optional<KeyState>> cache = Caffeine.newBuilder()
            .maximumSize(CACHE_MAX_ENTRIES)
            .expireAfterWrite(CACHE_TTL)
            .build();

    /**
     * The API key (the kind that calls models) behind a bearer value, or empty when it is malformed, unknown,
     * revoked, disabled, expired or of another kind. The hot path uses this.
     */
    public Optional<KeyState> authenticate(String presented) {
        return usable(KeyKind.API, presented);
    }

    /** The usable management key behind a bearer value, or empty (an API key is never one). */
    public Optional<KeyState> authenticateManagement(String presented) {
        return usable(KeyKind.MANAGEMENT, presented);
    }

    /** Whatever key of ours the value names, usable or not (to tell "wrong kind" from "unknown"). */
    public Optional<KeyState> lookup(String presented) {
        if (KeySecret.claimedKind(presented).isEmpty()) {
            return Optional.empty();
        }
        return cache.get(KeySecret.hash(presented), this::load);
    }

    /**
     * A key's current state by id, read from the database (no cache): for callers inside the platform that hold no
     * secret, such as the portal's try-it box, which calls as the developer's own key. Not for the hot path.
     */
    public Optional<KeyState> byId(long keyId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOAD_BY_ID)) {
            ps.setLong(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read API key " + keyId, e);
        }
    }

    public void invalidate(String keyHash) {
        cache.invalidate(keyHash);
    }

    private Optional<KeyState> usable(KeyKind kind, String presented) {
        if (!KeySecret.looksValid(kind, presented)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return cache.get(KeySecret.hash(presented), this::load)
                .filter(k -> k.usableAs(kind, now));
    }

    private Optional<KeyState> load(String keyHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOAD)) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read API key state", e);
        }
    }

    private static KeyState state(ResultSet rs) throws SQLException {
        Timestamp expires = rs.getTimestamp(6);
        long limit = rs.getLong(7);
        Long limitMicros = rs.wasNull() ? null : limit;
        return new KeyState(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), KeyKind.fromDb(rs.getString(4)),
                rs.getBoolean(5), expires == null ? null : expires.toInstant(), limitMicros,
                LimitReset.fromWire(rs.getString(8)).orElse(LimitReset.NONE), rs.getObject(9, Integer.class));
    }
}
