package dev.marketplace.billing.topup;

import dev.marketplace.billing.money.Money;
import dev.marketplace.billing.payments.UsdCents;

/**
 * What a developer chose: charge {@code amountMicros} when the available credit falls below
 * {@code thresholdMicros}. The amount is whole cents between {@link #MIN_AMOUNT_MICROS} and
 * {@link #MAX_AMOUNT_MICROS}, as a Checkout purchase.
 */
public record AutoTopUpSettings(boolean enabled, long thresholdMicros, long amountMicros) {

    public static final long MIN_AMOUNT_MICROS = 5 * Money.MICROS_PER_USD;
    public static final long MAX_AMOUNT_MICROS = 10_000 * Money.MICROS_PER_USD;
    public static final long MAX_THRESHOLD_MICROS = 10_000 * Money.MICROS_PER_USD;

    /** @throws IllegalArgumentException with a message fit for the developer */
    public AutoTopUpSettings {
        if (amountMicros < MIN_AMOUNT_MICROS || amountMicros > MAX_AMOUNT_MICROS) {
            throw new IllegalArgumentException("The top-up amount must be between $5 and $10,000.");
        }
        if (amountMicros % UsdCents.MICROS_PER_CENT != 0) {
            throw new IllegalArgumentException("The top-up amount must be a whole number of cents.");
        }
        if (thresholdMicros < 0 || thresholdMicros > MAX_THRESHOLD_MICROS) {
            throw new IllegalArgumentException("The threshold must be between $0 and $10,000.");
        }
    }
}
