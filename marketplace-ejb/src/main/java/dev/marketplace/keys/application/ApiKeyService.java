package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.domain.KeyRules;
import dev.marketplace.keys.domain.KeySecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Issues, lists and revokes a developer's API keys (the kind that calls models) for the portal. Every query is scoped
 * by the owning developer's id.
 */
@ApplicationScoped
public class ApiKeyService {
    public static final int MAX_ACTIVE_KEYS = OwnedKeys.MAX_ACTIVE_KEYS;

    @Inject
    OwnedKeys keys;
    @Inject
    KeyCacheInvalidation cache;

    public List<ApiKeySummary> list(long developerId) {
        return keys.list(developerId).stream().map(ApiKeyService::summary).toList();
    }

    @Transactional
    public IssuedApiKey issue(long developerId, String name) {
        String trimmed = KeyRules.name(name);
        keys.requireRoomForAnother(developerId);
        String secret = KeySecret.generate();
        ApiKey key = new ApiKey(developerId, trimmed, KeySecret.hash(secret), KeySecret.hint(secret), Instant.now());
        keys.add(key);
        return new IssuedApiKey(summary(key), secret);
    }

    /** Revokes the developer's own key; a key of somebody else is reported as not found. */
    @Transactional
    public void revoke(long developerId, long keyId) {
        ApiKey key = keys.find(developerId, keyId);
        key.revoke(Instant.now());
        cache.changed(key.getKeyHash());
    }

    private static ApiKeySummary summary(ApiKey k) {
        return new ApiKeySummary(k.getId(), k.getName(), k.getKeyHint(), k.getCreatedAt(), k.getRevokedAt());
    }
}
