package dev.marketplace.keys.application;

import dev.marketplace.keys.infrastructure.KeyAuthenticator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Drops a changed key from this node's cache now and again once the change has committed, so that no request
 * re-caches the old state in between. Other nodes learn of it from {@code KeyCacheSync}'s poll.
 */
@ApplicationScoped
public class KeyCacheInvalidation {
    @Inject
    KeyAuthenticator authenticator;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Call inside the transaction that changes the key. */
    public void changed(String keyHash) {
        authenticator.invalidate(keyHash);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                authenticator.invalidate(keyHash);
            }
        });
    }
}
