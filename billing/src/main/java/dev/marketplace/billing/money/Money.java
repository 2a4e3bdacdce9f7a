package dev.marketplace.billing.money;

import java.math.BigDecimal;
import java.math.BigInteger;
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
     *
     * @throws ArithmeticException when the cost does not fit in a long
     */
    public static long costMicros(long promptTokens, long inputPriceMicrosPerMTok,
                                  long completionTokens, long outputPriceMicrosPerMTok) {
        requireNonNegative("promptTokens", promptTokens);
        requireNonNegative("inputPriceMicrosPerMTok", inputPriceMicrosPerMTok);
        requireNonNegative("completionTokens", completionTokens);
        requireNonNegative("outputPriceMicrosPerMTok", outputPriceMicrosPerMTok);
        return inRange(saturatedCost(promptTokens, inputPriceMicrosPerMTok, completionTokens, outputPriceMicrosPerMTok,
                0, 0, 0, 0, 0));
    }

    /**
     * Cost of a call under a listing's whole price set:
     * {@code ceil((uncached × input + cacheRead × cacheReadPrice + cacheWrite × cacheWritePrice + completion × output)
     * / 1e6) + requestPrice}, where input and output are the tier's when the prompt (cached tokens included) is longer
     * than the tier's {@code minContext}. One rounding step over the exact sum (the request price is whole micro-USD, so
     * adding it after the ceiling is exact); exact for any inputs, never wrapping.
     *
     * @throws ArithmeticException when the cost does not fit in a long
     */
    public static long costMicros(PriceSet prices, TokenUsage usage) {
        return inRange(saturatedCost(prices, usage));
    }

    /**
     * {@link #costMicros(PriceSet, TokenUsage)}, but never more than {@code capMicros} (a call is never charged more
     * than its hold): also for usage so absurd that its cost does not fit in a long.
     */
    public static long costMicrosAtMost(PriceSet prices, TokenUsage usage, long capMicros) {
        requireNonNegative("capMicros", capMicros);
        return Math.min(saturatedCost(prices, usage), capMicros);
    }

    /**
     * The most a call can cost with at most {@code promptTokens} prompt and {@code completionTokens} completion tokens,
     * whatever part of the prompt is cached: every prompt token at the dearest of the input, cache read and cache write
     * prices, the request price, and the tier's prices when the prompt may be longer than its threshold. Saturates at
     * {@link Long#MAX_VALUE} (no balance covers that) instead of overflowing.
     */
    public static long worstCostMicros(PriceSet prices, long promptTokens, long completionTokens) {
        requireNonNegative("promptTokens", promptTokens);
        requireNonNegative("completionTokens", completionTokens);
        long cached = Math.max(prices.cacheReadMicrosPerMTok(), prices.cacheWriteMicrosPerMTok());
        long worst = saturatedCost(promptTokens, Math.max(prices.inputMicrosPerMTok(), cached), completionTokens,
                prices.outputMicrosPerMTok(), 0, 0, 0, 0, prices.requestMicros());
        if (prices.tierApplies(promptTokens)) {
            PriceSet.Tier tier = prices.tier();
            worst = Math.max(worst, saturatedCost(promptTokens, Math.max(tier.inputMicrosPerMTok(), cached),
                    completionTokens, tier.outputMicrosPerMTok(), 0, 0, 0, 0, prices.requestMicros()));
        }
        return worst;
    }

    private static long saturatedCost(PriceSet prices, TokenUsage usage) {
        long prompt = usage.promptTokens();
        return saturatedCost(usage.uncachedPromptTokens(), prices.inputFor(prompt),
                usage.cacheReadTokens(), prices.cacheReadMicrosPerMTok(),
                usage.cacheWriteTokens(), prices.cacheWriteMicrosPerMTok(),
                usage.completionTokens(), prices.outputFor(prompt), prices.requestMicros());
    }

    /**
     * {@code ceil((t1 × p1 + t2 × p2 + t3 × p3 + t4 × p4) / 1e6) + request} for non-negative arguments: long arithmetic
     * while it fits (no allocation on the hot path), else exact with BigInteger; {@link Long#MAX_VALUE} when the result
     * does not fit in a long.
     */
    private static long saturatedCost(long t1, long p1, long t2, long p2, long t3, long p3, long t4, long p4, long request) {
        try {
            long exactMicroMicros = Math.addExact(
                    Math.addExact(Math.multiplyExact(t1, p1), Math.multiplyExact(t2, p2)),
                    Math.addExact(Math.multiplyExact(t3, p3), Math.multiplyExact(t4, p4)));
            return Math.addExact(ceilDiv(exactMicroMicros, TOKENS_PER_MTOK), request);
        } catch (ArithmeticException beyondLong) { // exact again, in arbitrary precision
            BigInteger exact = product(t1, p1).add(product(t2, p2)).add(product(t3, p3)).add(product(t4, p4));
            BigInteger[] quotientAndRemainder = exact.divideAndRemainder(BigInteger.valueOf(TOKENS_PER_MTOK));
            BigInteger micros = quotientAndRemainder[0]
                    .add(quotientAndRemainder[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE)
                    .add(BigInteger.valueOf(request));
            return micros.bitLength() < Long.SIZE ? micros.longValue() : Long.MAX_VALUE;
        }
    }

    private static BigInteger product(long a, long b) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    }

    private static long inRange(long saturated) {
        if (saturated == Long.MAX_VALUE) {
            throw new ArithmeticException("cost does not fit in a long of micro-USD");
        }
        return saturated;
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
