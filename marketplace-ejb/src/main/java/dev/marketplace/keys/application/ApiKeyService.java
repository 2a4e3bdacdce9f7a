package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.domain.InvalidKeySettingException;
import dev.marketplace.keys.domain.KeyUsage;
import dev.marketplace.keys.infrastructure.KeyUsageQueries;
import dev.marketplace.keys.domain.KeyRules;
import dev.marketplace.keys.domain.KeySecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issues, lists, changes and revokes a developer's API keys (the kind that calls models) for the portal, under the
 * same rules as the management API ({@link OwnedKeys#create}, {@code KeyRules}). Every query is scoped by the owning
 * developer's id; every change drops the key from the authentication caches.
 */
@ApplicationScoped
public class ApiKeyService {
    public static final int MAX_ACTIVE_KEYS = OwnedKeys.MAX_ACTIVE_KEYS;

    @Inject
    OwnedKeys keys;
    @Inject
    KeyCacheInvalidation cache;
    @Inject
    KeyUsageQueries usage;

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

    /** Every key of the developer, newest first, with its settings, what it spent and when it was last used. */
    public List<KeySpend> listWithSpend(long developerId) {
        List<ApiKey> all = keys.list(developerId);
        List<Long> ids = all.stream().map(ApiKey::getId).toList();
        Map<Long, KeyUsage> usages = usage.of(ids);
        Map<Long, Instant> lastUsed = usage.lastUsedAt(ids);
        return all.stream().map(k -> new KeySpend(ManagedKey.of(k, usages.getOrDefault(k.getId(), KeyUsage.NONE)),
                lastUsed.get(k.getId()))).toList();
    }

    /** Creates a key with a name, an optional credit limit and reset, and an optional expiry. */
    @Transactional
    public CreatedKey create(long developerId, NewKey request) {
        OwnedKeys.CreatedSecret created = keys.create(developerId, request, Instant.now());
        return new CreatedKey(ManagedKey.of(created.key(), KeyUsage.NONE), created.secret());
    }

    /** Disables (calls refused) or enables the developer's own key; a revoked key cannot be changed. */
    @Transactional
    public void setDisabled(long developerId, long keyId, boolean disabled) {
        ApiKey key = keys.find(developerId, keyId);
        if (key.getRevokedAt() != null) {
            throw new InvalidKeySettingException(null, "Key \u201c" + key.getName() + "\u201d is deleted and cannot be changed");
        }
        key.setDisabled(disabled, Instant.now());
        cache.changed(key.getKeyHash());
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
