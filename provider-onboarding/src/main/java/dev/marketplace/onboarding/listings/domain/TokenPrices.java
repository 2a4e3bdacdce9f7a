package dev.marketplace.onboarding.listings.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Converts USD decimal strings to our integer units exactly: a price per token to micro-USD per million tokens
 * (× 10^12), a price per request to micro-USD (× 10^6). A price that needs a finer unit, is negative, is written
 * in exponent form or does not fit a long is refused with the reason: nothing is rounded.
 */
public final class TokenPrices {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,30})?");
    private static final int PER_TOKEN_TO_MICROS_PER_MTOK = 12;
    private static final int PER_REQUEST_TO_MICROS = 6;

    private TokenPrices() {
    }

    /** Micro-USD per million tokens for a USD price per token such as {@code "0.000008"} (= 8,000,000). */
    public static long microsPerMillionTokens(String usdPerToken) throws PriceException {
        return exact(usdPerToken, PER_TOKEN_TO_MICROS_PER_MTOK, "0.000000000001 USD per token (1 micro-USD per million tokens)");
    }

    /** Micro-USD for a USD price per request such as {@code "0.0002"} (= 200). */
    public static long microsPerRequest(String usdPerRequest) throws PriceException {
        return exact(usdPerRequest, PER_REQUEST_TO_MICROS, "0.000001 USD (1 micro-USD) per request");
    }

    /** Is this price string (already known to be valid) zero? */
    public static boolean isZero(String usd) {
        return new BigDecimal(usd).signum() == 0;
    }

    private static long exact(String usd, int shift, String smallestStep) throws PriceException {
        if (usd == null) {
            throw new PriceException("is missing");
        }
        if (usd.startsWith("-")) {
            throw new PriceException("is negative (" + usd + ")");
        }
        if (!PLAIN_DECIMAL.matcher(usd).matches()) {
            throw new PriceException("must be a plain decimal string such as \"0.000008\", got \"" + abbreviate(usd) + "\"");
        }
        BigDecimal scaled = new BigDecimal(usd).movePointRight(shift).stripTrailingZeros();
        if (scaled.scale() > 0) {
            throw new PriceException("\"" + usd + "\" cannot be charged exactly: the smallest step billing can charge is "
                    + smallestStep);
        }
        try {
            return scaled.longValueExact();
        } catch (ArithmeticException e) {
            throw new PriceException("\"" + usd + "\" is too large to charge");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** A price that cannot be charged exactly; the message completes "pricing.x …". */
    public static final class PriceException extends Exception {
        public PriceException(String message) {
            super(message);
        }
    }
}
