package dev.marketplace.metering.application;

import dev.marketplace.keys.domain.LimitReset;
import dev.marketplace.keys.infrastructure.KeyState;
import java.time.Instant;
import java.util.Objects;

/**
 * What a key lease was granted under: the key's credit limit, its reset and the period (UTC, as
 * {@link LimitReset#periodStart} defines it) that was current. A lease serves calls only under the same terms: when
 * the limit or reset changed, or a new period began, the node gives back the unused part first.
 */
record KeyTerms(long limitMicros, LimitReset reset, Instant periodStart) {
    KeyTerms {
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(periodStart, "periodStart");
    }

    /** The terms of a limited key at {@code now}. */
    static KeyTerms of(KeyState key, Instant now) {
        if (key.creditLimitMicros() == null) {
            throw new IllegalArgumentException("key " + key.keyId() + " has no credit limit");
        }
        return new KeyTerms(key.creditLimitMicros(), key.limitReset(), key.limitReset().periodStart(now));
    }

    /** Whether the period these terms were granted in is still the current one at {@code now}. */
    boolean currentAt(Instant now) {
        return reset.periodStart(now).equals(periodStart);
    }
}
