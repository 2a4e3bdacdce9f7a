package dev.marketplace.billing.reconciliation;

import java.util.Locale;

/** What part of the money a difference is about; each is matched on its own join key. */
public enum Component {
    /** A payment (Checkout purchase or auto top-up), keyed by its payment intent. */
    CHARGE,
    /** Stripe's processing fee of a charge, keyed by the charge. */
    FEE,
    /** Refunds of a charge, keyed by the charge. */
    REFUND,
    /** A dispute's cash movements (amount and dispute fee), keyed by the dispute. */
    DISPUTE,
    /** A Connect transfer and its reversals, keyed by the transfer. */
    TRANSFER,
    /** Any other cash movement at Stripe or on the clearing account, keyed by its own id. */
    OTHER,
    /** A metered call, keyed by the usage record id (its journal's idempotency key). */
    USAGE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Component fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
