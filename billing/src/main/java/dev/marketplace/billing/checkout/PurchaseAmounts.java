package dev.marketplace.billing.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The limits of one purchase and the parsing of what a developer types: dollars with at most two decimals,
 * {@code "25"}, {@code "25.5"}, {@code "1,000.00"}, {@code "$10"}; never through a double.
 */
public final class PurchaseAmounts {

    public static final long MIN_CENTS = 500;
    public static final long MAX_CENTS = 1_000_000;
    private static final int MAX_INPUT_LENGTH = 20;

    private PurchaseAmounts() {
    }

    /** The amount in cents, or an {@link InvalidPurchaseException} that says what is wrong. */
    public static long parseUsd(String text) {
        String s = text == null ? "" : text.strip().replace(",", "");
        if (s.startsWith("$")) {
            s = s.substring(1).strip();
        }
        if (s.isEmpty()) {
            throw new InvalidPurchaseException("Enter an amount in US dollars, e.g. 25 or 25.50.");
        }
        if (s.length() > MAX_INPUT_LENGTH || !s.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
            throw new InvalidPurchaseException("\"" + abbreviate(text) + "\" is not an amount in US dollars;"
                    + " enter e.g. 25 or 25.50.");
        }
        BigDecimal dollars = new BigDecimal(s);
        if (dollars.stripTrailingZeros().scale() > 2) {
            throw new InvalidPurchaseException("Enter whole cents: at most two decimals.");
        }
        long cents = dollars.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        return requireWithinLimits(cents);
    }

    public static long requireWithinLimits(long cents) {
        if (cents < MIN_CENTS) {
            throw new InvalidPurchaseException("The minimum purchase is " + usd(MIN_CENTS) + ".");
        }
        if (cents > MAX_CENTS) {
            throw new InvalidPurchaseException("The maximum purchase is " + usd(MAX_CENTS) + ".");
        }
        return cents;
    }

    /** {@code 123456} → {@code "$1,234.56"}. */
    public static String usd(long cents) {
        return String.format(java.util.Locale.ROOT, "$%,d.%02d", cents / 100, Math.abs(cents % 100));
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_INPUT_LENGTH ? text : text.substring(0, MAX_INPUT_LENGTH) + "…";
    }
}
