package dev.marketplace.keys.application;

import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;

/**
 * What a management client asks for in a new API key; {@code limitMicros}, {@code expiresAt} and
 * {@code rateLimitRpm} null for none.
 */
public record NewKey(String name, Long limitMicros, LimitReset limitReset, Instant expiresAt, Integer rateLimitRpm) {
    public NewKey {
        limitReset = limitReset == null ? LimitReset.NONE : limitReset;
    }
}
