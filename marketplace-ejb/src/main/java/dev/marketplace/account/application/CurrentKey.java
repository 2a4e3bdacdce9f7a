package dev.marketplace.account.application;

import dev.marketplace.keys.application.KeyCallers;
import dev.marketplace.keys.application.OwnedKeys;
import dev.marketplace.keys.domain.ApiKey;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.keys.infrastructure.KeyUsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code GET /key}: the calling API key's own usage, limit and what remains of it. */
@ApplicationScoped
public class CurrentKey {
    @Inject
    KeyCallers callers;
    @Inject
    OwnedKeys keys;
    @Inject
    KeyUsageQueries usage;

    public KeyReport describe(String authorization) {
        KeyState caller = callers.apiKey(authorization);
        ApiKey key = keys.find(caller.developerId(), caller.keyId());
        return new KeyReport(key.getId(), key.getName(), key.getKeyHint(), usage.of(key.getId()),
                key.getCreditLimitMicros(), key.getLimitReset(), key.getCreatedAt(), key.getExpiresAt());
    }
}
