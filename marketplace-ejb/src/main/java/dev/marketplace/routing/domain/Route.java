package dev.marketplace.routing.domain;

import dev.marketplace.billing.money.PriceSet;
import java.util.Objects;
import java.util.Set;

/**
 * A live way to serve a model: one listing on one provider endpoint, with its prices (prompt and completion per
 * million tokens, per request, cache read and write, context tier; micro-USD) and the take rate in force, as captured
 * in the catalog snapshot, and the request parameters the listing declares it honours (null: not declared).
 */
public record Route(long listingId, String modelSlug, String upstreamModel, long providerId, String providerSlug,
                    String providerName, boolean platformOperated, int takeRateBps, Endpoint endpoint,
                    PriceSet prices, int maxOutputTokens, int contextLength, Set<String> supportedParameters) {

    public Route {
        Objects.requireNonNull(prices, "prices");
        supportedParameters = supportedParameters == null ? null : Set.copyOf(supportedParameters);
    }

    /** A route priced by prompt and completion tokens only. */
    public Route(long listingId, String modelSlug, String upstreamModel, long providerId, String providerSlug,
                 String providerName, boolean platformOperated, int takeRateBps, Endpoint endpoint,
                 long inputPriceMicrosPerMTok, long outputPriceMicrosPerMTok, int maxOutputTokens, int contextLength,
                 Set<String> supportedParameters) {
        this(listingId, modelSlug, upstreamModel, providerId, providerSlug, providerName, platformOperated, takeRateBps,
                endpoint, PriceSet.tokens(inputPriceMicrosPerMTok, outputPriceMicrosPerMTok), maxOutputTokens,
                contextLength, supportedParameters);
    }

    /** A route whose listing declares no supported parameters. */
    public Route(long listingId, String modelSlug, String upstreamModel, long providerId, String providerSlug,
                 String providerName, boolean platformOperated, int takeRateBps, Endpoint endpoint,
                 long inputPriceMicrosPerMTok, long outputPriceMicrosPerMTok, int maxOutputTokens, int contextLength) {
        this(listingId, modelSlug, upstreamModel, providerId, providerSlug, providerName, platformOperated, takeRateBps,
                endpoint, inputPriceMicrosPerMTok, outputPriceMicrosPerMTok, maxOutputTokens, contextLength, null);
    }

    /** Micro-USD per million uncached prompt tokens (the base tier). */
    public long inputPriceMicrosPerMTok() {
        return prices.inputMicrosPerMTok();
    }

    /** Micro-USD per million completion tokens (the base tier). */
    public long outputPriceMicrosPerMTok() {
        return prices.outputMicrosPerMTok();
    }

    /** Whether the listing declares every one of these parameters (false when it declares none). */
    public boolean supportsAll(Set<String> parameters) {
        return parameters.isEmpty() || (supportedParameters != null && supportedParameters.containsAll(parameters));
    }

    /**
     * Where and how to reach the upstream, what it retains of a request ({@code none}, {@code logs_prompts} or
     * {@code unknown}) and its capacity: calls in flight and requests per minute at most (null: unlimited).
     * {@code operatorTrusted}: the operator wrote its URL (seed, built-in simulator), so its host name is called as
     * written; a provider's URL has its host name judged again at every connection (decision 0025).
     */
    public record Endpoint(long id, String adapterId, String baseUrl, String apiKey, int timeoutMs, String dataRetention,
                           Integer maxConcurrency, Integer maxRequestsPerMinute, boolean operatorTrusted) {
        public static final String RETAINS_NOTHING = "none";

        /** A provider's endpoint (not operator-trusted). */
        public Endpoint(long id, String adapterId, String baseUrl, String apiKey, int timeoutMs, String dataRetention,
                        Integer maxConcurrency, Integer maxRequestsPerMinute) {
            this(id, adapterId, baseUrl, apiKey, timeoutMs, dataRetention, maxConcurrency, maxRequestsPerMinute, false);
        }

        /** A provider's endpoint without declared retention or capacity limits. */
        public Endpoint(long id, String adapterId, String baseUrl, String apiKey, int timeoutMs) {
            this(id, adapterId, baseUrl, apiKey, timeoutMs, "unknown", null, null);
        }

        public boolean retainsNothing() {
            return RETAINS_NOTHING.equals(dataRetention);
        }

        @Override
        public String toString() { // never print the provider's key
            return "Endpoint[" + id + " " + adapterId + " " + baseUrl + "]";
        }
    }
}
