package dev.marketplace.onboarding.listings.application;

/** A stored draft listing as the portal lists it; prices in micro-USD per million tokens. */
public record DraftListing(String upstreamModel, String modelSlug, String name, int contextLength,
                           long inputPriceMicrosPerMTok, long outputPriceMicrosPerMTok, boolean newModel) {
}
