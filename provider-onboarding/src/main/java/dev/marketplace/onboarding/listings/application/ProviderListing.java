package dev.marketplace.onboarding.listings.application;

import java.time.Instant;

/**
 * A listing as the provider's and the admins' pages show it: which model on which endpoint, its status (and the
 * reason an admin gave), its prices, whether it was ever published, its latest finished probe (null: none) and its
 * model's registry status.
 */
public record ProviderListing(long id, long providerId, String providerName, String modelSlug, String endpointName,
                              String upstreamModel, String status, String statusReason, long inputPriceMicrosPerMTok,
                              long outputPriceMicrosPerMTok, long requestPriceMicros, Instant publishedAt,
                              String latestProbeStatus, String modelRegistryStatus, Instant updatedAt) {
}
