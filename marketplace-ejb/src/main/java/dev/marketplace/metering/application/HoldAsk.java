package dev.marketplace.metering.application;

import dev.marketplace.billing.holds.HoldRequest;
import java.time.Instant;

/**
 * A hold to place for one call, with the key it is for: {@code keyLimitMicros} null means the key has no credit
 * limit; otherwise its usage since {@code periodStart} plus its open holds plus this hold must fit in the limit.
 */
public record HoldAsk(HoldRequest hold, long keyId, Long keyLimitMicros, Instant periodStart) {
    boolean limited() {
        return keyLimitMicros != null;
    }
}
