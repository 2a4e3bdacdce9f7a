package dev.marketplace.stripestub;

/**
 * Stripe's standard US card pricing, computed here and never taken from the caller: 2.9% of the amount plus 30¢,
 * the percentage rounded to the nearest cent with halves rounded up, as Stripe rounds its fees. Disputes cost a
 * flat $15.
 */
final class Fees {

    static final long PERCENT_TENTHS = 29; // 2.9% as tenths of a percent
    static final long FIXED_CENTS = 30;
    static final long DISPUTE_FEE_CENTS = 1500;

    private Fees() {
    }

    /** The processing fee of a successful card charge of {@code amountCents}. */
    static long cardFeeCents(long amountCents) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountCents);
        }
        // amount × 2.9% = amount × 29 / 1000; +500 rounds half up on the integer division
        long percent = Math.addExact(Math.multiplyExact(amountCents, PERCENT_TENTHS), 500) / 1000;
        return percent + FIXED_CENTS;
    }
}
