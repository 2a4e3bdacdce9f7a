package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;

/** What a management client asks for in a new API key; {@code limitMicros} and {@code expiresAt} null for none. */
public record NewKey(String name, Long limitMicros, LimitReset limitReset, Instant expiresAt) {
    public NewKey {
        limitReset = limitReset == null ? LimitReset.NONE : limitReset;
    }
}
