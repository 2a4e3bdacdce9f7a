package dev.marketplace.billing.reconciliation;

import java.time.Instant;

/**
 * One side's amount for a join key at a moment: cash at Stripe in micro-USD (positive when cash comes in) for the
 * Stripe components, the charged gross for usage. {@code ref} names the object (balance transaction or journal key).
 *
 * @param hintAccount the account a correction would most likely post to (a developer's credit), or null
 */
public record Entry(Component component, String joinKey, long amountMicros, Instant at, String ref,
                    String hintAccount) {

    public Entry {
        if (component == null || joinKey == null || joinKey.isBlank() || at == null || ref == null) {
            throw new IllegalArgumentException("entry needs a component, join key, time and ref");
        }
    }

    public Entry(Component component, String joinKey, long amountMicros, Instant at, String ref) {
        this(component, joinKey, amountMicros, at, ref, null);
    }
}
