package dev.marketplace.routing.domain;

/**
 * A live way to serve a model: one listing on one provider endpoint, with the price (micro-USD per million tokens)
 * and the take rate in force, as captured in the catalog snapshot.
 */
public record Route(long listingId, String modelSlug, String upstreamModel, long providerId, String providerSlug,
                    String providerName, boolean platformOperated, int takeRateBps, Endpoint endpoint,
                    long inputPriceMicrosPerMTok, long outputPriceMicrosPerMTok, int maxOutputTokens, int contextLength) {

    /** Where and how to reach the upstream. */
    public record Endpoint(long id, String adapterId, String baseUrl, String apiKey, int timeoutMs) {
        @Override
        public String toString() { // never print the provider's key
            return "Endpoint[" + id + " " + adapterId + " " + baseUrl + "]";
        }
    }
}
