package dev.marketplace.keys.infrastructure;

import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.domain.LimitReset;
import java.time.Instant;

/**
 * What the hot path needs to know of a key: whose it is, its kind, and whether it may be used now (not revoked, not
 * disabled, not expired). The credit limit and its reset period are carried for the limit check of the hot path
 * ({@code creditLimitMicros} null: no limit).
 */
public record KeyState(long keyId, long developerId, boolean active, KeyKind kind, boolean disabled,
                       Instant expiresAt, Long creditLimitMicros, LimitReset limitReset, Integer rateLimitRpm) {

    /** An active API key without limits or expiry. */
    public KeyState(long keyId, long developerId, boolean active) {
        this(keyId, developerId, active, KeyKind.API, false, null, null, LimitReset.NONE, null);
    }

    /** Whether the key may be used as a key of that kind at {@code now}: the one rule of both authentications. */
    public boolean usableAs(KeyKind wanted, Instant now) {
        return kind == wanted && usableAt(now);
    }

    /** Whether the key may be used at {@code now}: not revoked, not disabled and not past its expiry. */
    public boolean usableAt(Instant now) {
        return active && !disabled && (expiresAt == null || now.isBefore(expiresAt));
    }
}
