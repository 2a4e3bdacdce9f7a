package dev.marketplace.onboarding.verification.domain;

import dev.marketplace.routing.domain.Route;

/** What a probe calls: one listing's upstream model on its endpoint, as routing would call it. */
public record ProbeTarget(long listingId, long providerId, String modelSlug, String upstreamModel, String status,
                          Route.Endpoint endpoint) {
}
