package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.domain.InvalidKeySettingException;
import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.domain.KeyRules;
import dev.marketplace.keys.domain.KeySecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * A developer's own API keys, the only ones any use case may see: a key of another developer, or a management key,
 * is reported as not found (whether it exists is not revealed).
 */
@ApplicationScoped
public class OwnedKeys {
    public static final int MAX_ACTIVE_KEYS = 50;

    @PersistenceContext(unitName = "market")
    EntityManager em;

    public List<ApiKey> list(long developerId) {
        return em.createQuery("select k from ApiKey k where k.developerId = :d and k.kind = :kind "
                        + "order by k.createdAt desc, k.id desc", ApiKey.class)
                .setParameter("d", developerId).setParameter("kind", KeyKind.API.dbValue())
                .getResultList();
    }

    public ApiKey find(long developerId, long keyId) {
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || key.getDeveloperId() != developerId || key.getKind() != KeyKind.API) {
            throw new KeyNotFoundException(keyId);
        }
        return key;
    }

    /** Refuses a new key when the developer already has {@link #MAX_ACTIVE_KEYS} unrevoked ones. */
    public void requireRoomForAnother(long developerId) {
        long active = em.createQuery("select count(k) from ApiKey k where k.developerId = :d and k.kind = :kind "
                        + "and k.revokedAt is null", Long.class)
                .setParameter("d", developerId).setParameter("kind", KeyKind.API.dbValue()).getSingleResult();
        if (active >= MAX_ACTIVE_KEYS) {
            throw new InvalidKeySettingException(null, "At most " + MAX_ACTIVE_KEYS + " active keys; revoke one first");
        }
    }

    /**
     * Creates an API key with the settings asked for, after the same checks for every caller (portal and management
     * API alike): {@link KeyRules} for each setting, then room for another active key.
     */
    public CreatedSecret create(long developerId, NewKey request, Instant now) {
        String name = KeyRules.name(request.name());
        Long limitMicros = KeyRules.limitMicros(request.limitMicros());
        Instant expiresAt = KeyRules.expiresAt(request.expiresAt(), now);
        Integer rateLimitRpm = KeyRules.rateLimitRpm(request.rateLimitRpm());
        requireRoomForAnother(developerId);
        String secret = KeySecret.generate();
        ApiKey key = new ApiKey(developerId, name, KeySecret.hash(secret), KeySecret.hint(secret), now);
        key.limit(limitMicros, request.limitReset(), now);
        key.expireAt(expiresAt, now);
        key.rateLimit(rateLimitRpm, now);
        add(key);
        return new CreatedSecret(key, secret);
    }

    /** A key just stored, with the secret that exists only until this is returned. */
    public record CreatedSecret(ApiKey key, String secret) {
    }

    public void add(ApiKey key) {
        em.persist(key);
        em.flush();
    }
}
