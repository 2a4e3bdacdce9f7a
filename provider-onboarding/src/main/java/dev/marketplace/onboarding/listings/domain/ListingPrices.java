package dev.marketplace.onboarding.listings.domain;

import dev.marketplace.billing.money.PriceSet;

/**
 * Every price column of a listing row (micro-USD per million tokens; the request price in micro-USD per request; the
 * tier: all three null or all three set), as an import writes them from one parsed item.
 */
public record ListingPrices(long inputMicrosPerMTok, long outputMicrosPerMTok, long requestMicros,
                            long cacheReadMicrosPerMTok, long cacheWriteMicrosPerMTok, Integer tierMinContext,
                            Long tierInputMicrosPerMTok, Long tierOutputMicrosPerMTok) {

    /** Every price of a parsed item (billing charges them all: {@code billing.money.PriceSet}). */
    public static ListingPrices of(ListingProposal proposal) {
        PriceSet p = proposal.prices();
        PriceSet.Tier tier = p.tier();
        return new ListingPrices(p.inputMicrosPerMTok(), p.outputMicrosPerMTok(), p.requestMicros(),
                p.cacheReadMicrosPerMTok(), p.cacheWriteMicrosPerMTok(),
                tier == null ? null : Math.toIntExact(tier.minContext()),
                tier == null ? null : tier.inputMicrosPerMTok(), tier == null ? null : tier.outputMicrosPerMTok());
    }
}
