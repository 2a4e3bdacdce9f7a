package dev.marketplace.systemtests.support;

import java.math.BigDecimal;

/** The expected money of a {@code sim/echo-1} call, computed independently of the server. */
public final class Pricing {
    public static final String MODEL = "sim/echo-1";
    public static final long INPUT_MICROS_PER_MTOK = 500_000;
    public static final long OUTPUT_MICROS_PER_MTOK = 1_500_000;
    public static final long TAKE_RATE_BPS = 500;

    private Pricing() {
    }

    /** {@code ceil((p × 500000 + c × 1500000) / 1e6)} micro-USD. */
    public static long costMicros(long promptTokens, long completionTokens) {
        long exact = promptTokens * INPUT_MICROS_PER_MTOK + completionTokens * OUTPUT_MICROS_PER_MTOK;
        return (exact + 999_999) / 1_000_000;
    }

    /** The platform fee: round half up (gross × 500 / 10000). */
    public static long feeMicros(long grossMicros) {
        return (grossMicros * TAKE_RATE_BPS + 5_000) / 10_000;
    }

    public static long shareMicros(long grossMicros) {
        return grossMicros - feeMicros(grossMicros);
    }

    /** A response's {@code usage.cost} (USD, exactly 6 decimals) in micro-USD; fails on any other scale. */
    public static long usdToMicros(BigDecimal usd) {
        if (usd.scale() != 6) {
            throw new AssertionError("usage.cost must have exactly 6 decimals: " + usd.toPlainString());
        }
        return usd.movePointRight(6).longValueExact();
    }
}
