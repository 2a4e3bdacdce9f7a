package dev.marketplace.billing.checkout;

/**
 * What a purchase costs before paying: the credit bought, the purchase fee and what the card is charged, in USD
 * cents. {@code creditCents + feeCents == totalCents} always.
 */
public record PurchaseQuote(long creditCents, long feeCents, long totalCents) {

    public PurchaseQuote {
        if (creditCents <= 0 || feeCents < 0 || Math.addExact(creditCents, feeCents) != totalCents) {
            throw new IllegalArgumentException("inconsistent quote " + creditCents + " + " + feeCents + " ≠ "
                    + totalCents);
        }
    }

    /** Checks the limits and prices the fee. */
    public static PurchaseQuote of(long creditCents, PurchaseFee fee) {
        PurchaseAmounts.requireWithinLimits(creditCents);
        long feeCents = fee.feeCents(creditCents);
        return new PurchaseQuote(creditCents, feeCents, Math.addExact(creditCents, feeCents));
    }

    public long creditMicros() {
        return Math.multiplyExact(creditCents, 10_000L);
    }
}
