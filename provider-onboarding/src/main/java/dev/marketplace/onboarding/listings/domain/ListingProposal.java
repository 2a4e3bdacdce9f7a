package dev.marketplace.onboarding.listings.domain;

import java.time.Instant;
import java.util.List;

/**
 * One valid item of a List Models document, as a draft listing: the provider's own model id ({@code
 * upstreamModel}) mapped to our registry slug, with the prices billing will charge (micro-USD per million tokens)
 * and the descriptive fields kept for review.
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
        long inputPriceMicrosPerMTok,
        long outputPriceMicrosPerMTok,
        List<String> samplingParameters,
        List<String> features,
        String description,
        Instant deprecationDate,
        List<String> datacenterCountries) {

    public String author() {
        return modelSlug.substring(0, modelSlug.indexOf('/'));
    }
}
