package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.domain.KeyRules;
import dev.marketplace.keys.domain.KeyUsage;
import dev.marketplace.keys.infrastructure.KeyUsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The management API's use cases (OpenRouter's provisioning API): list, create, read, change and revoke the API
 * keys of the management key's own developer. Every change drops the key from the authentication caches. The caller
 * is authenticated first: request bodies are parsed (suppliers) and key ids read only after that, so an unknown
 * caller learns nothing but 401. A key id that is not a number names no key.
 */
@ApplicationScoped
public class ManagedKeys {
    @Inject
    KeyCallers callers;
    @Inject
    OwnedKeys keys;
    @Inject
    KeyUsageQueries usage;
    @Inject
    KeyCacheInvalidation cache;

    /** All the developer's API keys, newest first, revoked ones included. */
    public List<ManagedKey> list(String authorization) {
        long developerId = callers.managementKey(authorization).developerId();
        List<ApiKey> all = keys.list(developerId);
        Map<Long, KeyUsage> usages = usage.of(all.stream().map(ApiKey::getId).toList());
        return all.stream().map(k -> ManagedKey.of(k, usages.getOrDefault(k.getId(), KeyUsage.NONE))).toList();
    }

    public ManagedKey get(String authorization, String keyId) {
        ApiKey key = own(authorization, keyId);
        return ManagedKey.of(key, usage.of(key.getId()));
    }

    @Transactional
    public CreatedKey create(String authorization, Supplier<NewKey> body) {
        long developerId = callers.managementKey(authorization).developerId();
        OwnedKeys.CreatedSecret created = keys.create(developerId, body.get(), Instant.now());
        return new CreatedKey(ManagedKey.of(created.key(), KeyUsage.NONE), created.secret());
    }

    @Transactional
    public ManagedKey update(String authorization, String keyId, Supplier<KeyChanges> body) {
        ApiKey key = own(authorization, keyId);
        KeyChanges changes = body.get();
        if (key.getRevokedAt() != null) {
            throw KeyRequestException.badRequest("Key " + key.getId() + " is revoked and cannot be changed", null);
        }
        Instant now = Instant.now();
        if (changes.name() != null) {
            key.rename(KeyRules.name(changes.name()), now);
        }
        if (changes.disabled() != null) {
            key.setDisabled(changes.disabled(), now);
        }
        if (changes.limitGiven() || changes.limitReset() != null) {
            Long limitMicros = changes.limitGiven() ? KeyRules.limitMicros(changes.limitMicros()) : key.getCreditLimitMicros();
            key.limit(limitMicros, changes.limitReset() != null ? changes.limitReset() : key.getLimitReset(), now);
        }
        if (changes.rateLimitGiven()) {
            key.rateLimit(KeyRules.rateLimitRpm(changes.rateLimitRpm()), now);
        }
        cache.changed(key.getKeyHash());
        return ManagedKey.of(key, usage.of(key.getId()));
    }

    /** Revokes the key for good (idempotent); it stays in the list as revoked. */
    @Transactional
    public ManagedKey delete(String authorization, String keyId) {
        ApiKey key = own(authorization, keyId);
        key.revoke(Instant.now());
        cache.changed(key.getKeyHash());
        return ManagedKey.of(key, usage.of(key.getId()));
    }

    private ApiKey own(String authorization, String keyId) {
        long developerId = callers.managementKey(authorization).developerId();
        try {
            return keys.find(developerId, Long.parseLong(keyId));
        } catch (NumberFormatException e) {
            throw KeyRequestException.notFound("No API key with that id", null);
        }
    }
}
