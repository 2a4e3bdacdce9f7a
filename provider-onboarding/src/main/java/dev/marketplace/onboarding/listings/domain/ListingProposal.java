package dev.marketplace.onboarding.listings.domain;

import dev.marketplace.billing.money.PriceSet;
import java.time.Instant;
import java.util.List;

/**
 * One valid item of a List Models document, as a draft listing: the provider's own model id ({@code
 * upstreamModel}) mapped to our registry slug, with every price billing will charge ({@link PriceSet}: prompt,
 * completion, request, cache read and write, context tier; micro-USD) and the descriptive fields kept for review.
 */
public record ListingProposal(
        String upstreamModel,
        String modelSlug,
        String name,
        Long createdEpochSeconds,
        List<String> inputModalities,
        List<String> outputModalities,
        String quantization,
        int contextLength,
        int maxOutputTokens,
        PriceSet prices,
        List<String> samplingParameters,
        List<String> features,
        String description,
        Instant deprecationDate,
        List<String> datacenterCountries) {

    public long inputPriceMicrosPerMTok() {
        return prices.inputMicrosPerMTok();
    }

    public long outputPriceMicrosPerMTok() {
        return prices.outputMicrosPerMTok();
    }

    public String author() {
        return modelSlug.substring(0, modelSlug.indexOf('/'));
    }
}
