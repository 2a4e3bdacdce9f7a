package dev.marketplace.onboarding.listings.domain;

/**
 * Every price column of a listing row (micro-USD per million tokens; the request price in micro-USD per request; the
 * tier: all three null or all three set), as an import writes them from one parsed item.
 */
public record ListingPrices(long inputMicrosPerMTok, long outputMicrosPerMTok, long requestMicros,
                            long cacheReadMicrosPerMTok, long cacheWriteMicrosPerMTok, Integer tierMinContext,
                            Long tierInputMicrosPerMTok, Long tierOutputMicrosPerMTok) {

    /**
     * The prices of a parsed item. The parser refuses request, cache and tier prices other than zero until billing
     * charges them (helper "pricing" widens {@link ListingProposal}); the columns are written here in full so that
     * widening the proposal is the only change needed.
     */
    public static ListingPrices of(ListingProposal proposal) {
        return new ListingPrices(proposal.inputPriceMicrosPerMTok(), proposal.outputPriceMicrosPerMTok(), 0, 0, 0,
                null, null, null);
    }
}
