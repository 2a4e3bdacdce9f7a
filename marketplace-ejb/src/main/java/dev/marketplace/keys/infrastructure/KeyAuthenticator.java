package dev.marketplace.keys.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marketplace.keys.domain.KeySecret;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Resolves a presented API key to its state from an in-memory cache keyed by the key's hash. Unknown hashes are
 * cached too (bounded), so random keys cannot turn into one query each. Entries expire after
 * {@link #CACHE_TTL} so that a change made on another node is seen without a restart.
 */
@ApplicationScoped
public class KeyAuthenticator {
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    static final long CACHE_MAX_ENTRIES = 200_000;

    @Resource(lookup = "java:jboss/datasources/MarketDirectDS")
    DataSource dataSource;

    private final Cache<String, Optional<KeyState>> cache = Caffeine.newBuilder()
            .maximumSize(CACHE_MAX_ENTRIES)
            .expireAfterWrite(CACHE_TTL)
            .build();

    /** The active key behind a bearer value, or empty when it is malformed, unknown or revoked. */
    public Optional<KeyState> authenticate(String presented) {
        if (!KeySecret.looksValid(presented)) {
            return Optional.empty();
        }
        return cache.get(KeySecret.hash(presented), this::load).filter(KeyState::active);
    }

    public void invalidate(String keyHash) {
        cache.invalidate(keyHash);
    }

    private Optional<KeyState> load(String keyHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, developer_id, revoked_at is null from api_key where key_hash = ?")) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new KeyState(rs.getLong(1), rs.getLong(2), rs.getBoolean(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read API key state", e);
        }
    }
}
