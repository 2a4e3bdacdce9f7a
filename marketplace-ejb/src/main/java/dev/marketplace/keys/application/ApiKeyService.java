package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.domain.KeySecret;
import dev.marketplace.keys.infrastructure.KeyAuthenticator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Issues, lists and revokes a developer's API keys. Every query is scoped by the owning developer's id. */
@ApplicationScoped
public class ApiKeyService {
    public static final int MAX_ACTIVE_KEYS = 50;

    @PersistenceContext(unitName = "market")
    EntityManager em;
    @Inject
    KeyAuthenticator authenticator;
    @Resource
    TransactionSynchronizationRegistry transactions;

    public List<ApiKeySummary> list(long developerId) {
        return em.createQuery("select k from ApiKey k where k.developerId = :d order by k.createdAt desc, k.id desc", ApiKey.class)
                .setParameter("d", developerId)
                .getResultList().stream().map(ApiKeyService::summary).toList();
    }

    @Transactional
    public IssuedApiKey issue(long developerId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("A key name is 1 to 100 characters");
        }
        long active = em.createQuery("select count(k) from ApiKey k where k.developerId = :d and k.revokedAt is null", Long.class)
                .setParameter("d", developerId).getSingleResult();
        if (active >= MAX_ACTIVE_KEYS) {
            throw new IllegalArgumentException("At most " + MAX_ACTIVE_KEYS + " active keys; revoke one first");
        }
        String secret = KeySecret.generate();
        ApiKey key = new ApiKey(developerId, trimmed, KeySecret.hash(secret), KeySecret.hint(secret), Instant.now());
        em.persist(key);
        em.flush();
        return new IssuedApiKey(summary(key), secret);
    }

    /** Revokes the developer's own key; a key of somebody else is reported as not found. */
    @Transactional
    public void revoke(long developerId, long keyId) {
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || key.getDeveloperId() != developerId) {
            throw new KeyNotFoundException(keyId);
        }
        key.revoke(Instant.now());
        String hash = key.getKeyHash();
        authenticator.invalidate(hash);
        // and again once committed, so that no request re-caches the key as active in between
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                authenticator.invalidate(hash);
            }
        });
    }

    private static ApiKeySummary summary(ApiKey k) {
        return new ApiKeySummary(k.getId(), k.getName(), k.getKeyHint(), k.getCreatedAt(), k.getRevokedAt());
    }
}
