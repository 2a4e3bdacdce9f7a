package dev.marketplace.billing.checkout;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The optional fee a developer pays on top of the credit bought (to cover card processing): basis points of the
 * amount, rounded half up to the cent, plus fixed cents. Configured by {@code MARKET_PURCHASE_FEE_BPS} and
 * {@code MARKET_PURCHASE_FEE_CENTS} (or system properties {@code market.purchase.fee-bps} / {@code -cents});
 * both 0 by default, when the platform absorbs Stripe's fees.
 */
public record PurchaseFee(long bps, long fixedCents) {

    public static final long MAX_BPS = 2_000;
    public static final long MAX_FIXED_CENTS = 1_000;
    public static final PurchaseFee NONE = new PurchaseFee(0, 0);

    public PurchaseFee {
        if (bps < 0 || bps > MAX_BPS) {
            throw new IllegalArgumentException("purchase fee bps must be 0.." + MAX_BPS + ": " + bps);
        }
        if (fixedCents < 0 || fixedCents > MAX_FIXED_CENTS) {
            throw new IllegalArgumentException("purchase fee cents must be 0.." + MAX_FIXED_CENTS + ": " + fixedCents);
        }
    }

    public long feeCents(long amountCents) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountCents);
        }
        // amount × bps / 10000, half up: add half the divisor before the integer division
        long percent = Math.addExact(Math.multiplyExact(amountCents, bps), 5_000) / 10_000;
        return Math.addExact(percent, fixedCents);
    }

    public boolean isNone() {
        return bps == 0 && fixedCents == 0;
    }

    public static PurchaseFee fromSettings(Properties system, Map<String, String> env) {
        return new PurchaseFee(read(system, env, "fee-bps"), read(system, env, "fee-cents"));
    }

    private static long read(Properties system, Map<String, String> env, String name) {
        String property = system.getProperty("market.purchase." + name);
        String value = property != null && !property.isBlank() ? property
                : env.get("MARKET_PURCHASE_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("purchase " + name + " must be a whole number: " + value, e);
        }
    }
}
