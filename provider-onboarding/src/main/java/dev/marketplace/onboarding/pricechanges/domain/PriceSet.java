package dev.marketplace.onboarding.pricechanges.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Every price a listing charges, micro-USD: per million input and output tokens, per request, per million cached
 * prompt tokens read and written, and an optional second context tier (a request whose prompt exceeds
 * {@code tierMinContext} tokens is charged the tier's input and output prices; the three are all null or all set).
 */
public record PriceSet(long inputMicrosPerMTok, long outputMicrosPerMTok, long requestMicros,
                       long cacheReadMicrosPerMTok, long cacheWriteMicrosPerMTok,
                       Integer tierMinContext, Long tierInputMicrosPerMTok, Long tierOutputMicrosPerMTok) {

    public PriceSet {
        check(inputMicrosPerMTok >= 0, "input_price_micros_per_mtok");
        check(outputMicrosPerMTok >= 0, "output_price_micros_per_mtok");
        check(requestMicros >= 0, "request_price_micros");
        check(cacheReadMicrosPerMTok >= 0, "cache_read_price_micros_per_mtok");
        check(cacheWriteMicrosPerMTok >= 0, "cache_write_price_micros_per_mtok");
        boolean none = tierMinContext == null && tierInputMicrosPerMTok == null && tierOutputMicrosPerMTok == null;
        boolean all = tierMinContext != null && tierInputMicrosPerMTok != null && tierOutputMicrosPerMTok != null;
        if (!none && !all) {
            throw new InvalidPriceException("tier_min_context",
                    "tier_min_context, tier_input_price_micros_per_mtok and tier_output_price_micros_per_mtok are all set or all null");
        }
        if (all) {
            check(tierMinContext > 0, "tier_min_context");
            check(tierInputMicrosPerMTok >= 0, "tier_input_price_micros_per_mtok");
            check(tierOutputMicrosPerMTok >= 0, "tier_output_price_micros_per_mtok");
        }
    }

    /** Input and output prices without a tier or per-request, cache prices. */
    public static PriceSet simple(long inputMicrosPerMTok, long outputMicrosPerMTok) {
        return new PriceSet(inputMicrosPerMTok, outputMicrosPerMTok, 0, 0, 0, null, null, null);
    }

    public boolean hasTier() {
        return tierMinContext != null;
    }

    /** The input price a request with this many prompt tokens pays per million. */
    public long inputAt(long promptTokens) {
        return hasTier() && promptTokens > tierMinContext ? tierInputMicrosPerMTok : inputMicrosPerMTok;
    }

    public long outputAt(long promptTokens) {
        return hasTier() && promptTokens > tierMinContext ? tierOutputMicrosPerMTok : outputMicrosPerMTok;
    }

    /** Prompt sizes at which either price set changes regime: comparing there compares every prompt size. */
    List<Long> breakpoints(PriceSet other) {
        List<Long> sizes = new ArrayList<>(List.of(0L));
        for (PriceSet p : List.of(this, other)) {
            if (p.hasTier()) {
                sizes.add((long) p.tierMinContext);
                sizes.add(p.tierMinContext + 1L);
            }
        }
        return sizes;
    }

    private static void check(boolean ok, String field) {
        if (!ok) {
            throw new InvalidPriceException(field, field + " must not be negative" + (field.equals("tier_min_context")
                    ? " or zero" : ""));
        }
    }
}
