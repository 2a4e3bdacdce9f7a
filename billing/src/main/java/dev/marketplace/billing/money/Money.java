package dev.marketplace.billing.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money arithmetic in micro-USD. Every function does exact integer arithmetic and at most one explicit
 * rounding step; overflow throws instead of wrapping.
 */
public final class Money {

    public static final long MICROS_PER_USD = 1_000_000L;
    public static final long TOKENS_PER_MTOK = 1_000_000L;
    public static final int MAX_BPS = 10_000;

    /** Plain decimal, optional minus, at most 6 fraction digits; no exponent, no spaces, no grouping. */
    private static final Pattern USD = Pattern.compile("-?[0-9]{1,13}(\\.[0-9]{1,6})?");

    private Money() {
    }

    /**
     * Cost of a call: {@code ceil((promptTokens × inputPrice + completionTokens × outputPrice) / 1e6)},
     * rounded once over the exact sum, so a call never costs less than its exact price.
     */
    public static long costMicros(long promptTokens, long inputPriceMicrosPerMTok,
                                  long completionTokens, long outputPriceMicrosPerMTok) {
        requireNonNegative("promptTokens", promptTokens);
        requireNonNegative("inputPriceMicrosPerMTok", inputPriceMicrosPerMTok);
        requireNonNegative("completionTokens", completionTokens);
        requireNonNegative("outputPriceMicrosPerMTok", outputPriceMicrosPerMTok);
        long exactMicroMicros = Math.addExact(
                Math.multiplyExact(promptTokens, inputPriceMicrosPerMTok),
                Math.multiplyExact(completionTokens, outputPriceMicrosPerMTok));
        return ceilDiv(exactMicroMicros, TOKENS_PER_MTOK);
    }

    /**
     * Splits a gross amount: {@code fee = round half up (gross × bps / 10000)}, {@code share = gross − fee}.
     */
    public static FeeSplit split(long grossMicros, int takeRateBps) {
        requireNonNegative("grossMicros", grossMicros);
        if (takeRateBps < 0 || takeRateBps > MAX_BPS) {
            throw new IllegalArgumentException("takeRateBps must be 0.." + MAX_BPS + ": " + takeRateBps);
        }
        long feeMicros = Math.addExact(Math.multiplyExact(grossMicros, (long) takeRateBps), MAX_BPS / 2) / MAX_BPS;
        return new FeeSplit(grossMicros, feeMicros, grossMicros - feeMicros);
    }

    /** For display and edges only: the exact USD value, scale 6. */
    public static BigDecimal toUsd(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }

    /**
     * Parses a plain decimal USD string ("0.50", "12", "-3.000001") into micros, exactly.
     *
     * @throws IllegalArgumentException for anything else: exponents, more than 6 decimals, blanks,
     *                                  signs other than a leading minus, or values that do not fit in a long
     */
    public static long parseUsdMicros(String usd) {
        if (usd == null || !USD.matcher(usd).matches()) {
            throw new IllegalArgumentException("not a plain USD amount with at most 6 decimals: " + usd);
        }
        // the pattern bounds the length; longValueExact still rejects what does not fit in a long
        try {
            return new BigDecimal(usd).movePointRight(6).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("USD amount out of range: " + usd, e);
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        long quotient = dividend / divisor;
        return dividend % divisor == 0 ? quotient : quotient + 1;
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
