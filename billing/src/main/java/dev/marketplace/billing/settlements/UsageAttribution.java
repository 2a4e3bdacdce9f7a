package dev.marketplace.billing.settlements;

import java.util.Collection;
import java.util.Map;

/**
 * Which provider and model a usage journal was for, and its tokens. A usage journal's idempotency key is its usage
 * record id; the usage records live outside billing, so their owner implements this port (decision 0015).
 * The money of a statement line never comes from here: only its labels and token counts do.
 */
@FunctionalInterface
public interface UsageAttribution {

    /** At most this many keys per call. */
    int MAX_KEYS = 1000;

    /** What is known of one usage record. */
    record Usage(long providerId, String model, long promptTokens, long completionTokens) {
    }

    /** The usage of each key that names a known usage record; unknown keys are left out. */
    Map<String, Usage> of(Collection<String> usageKeys);
}
