package dev.marketplace.onboarding.verification.domain;

/** A provider's listing as the probe page lists it, with the status of its latest run (null: never probed). */
public record ProviderListing(long id, String modelSlug, String upstreamModel, String endpointName, String status,
                              String statusReason, String latestProbeStatus) {
}
