package dev.marketplace.billing.payments;

/** Stripe's USD minor units (cents) and micro-USD, converted exactly (overflow and fractions throw). */
public final class UsdCents {

    public static final long MICROS_PER_CENT = 10_000L;

    private UsdCents() {
    }

    public static long toMicros(long cents) {
        return Math.multiplyExact(cents, MICROS_PER_CENT);
    }

    /** @throws IllegalArgumentException if the amount is not a whole number of cents */
    public static long fromMicros(long micros) {
        if (micros % MICROS_PER_CENT != 0) {
            throw new IllegalArgumentException(micros + " micro-USD is not a whole number of cents");
        }
        return micros / MICROS_PER_CENT;
    }
}
