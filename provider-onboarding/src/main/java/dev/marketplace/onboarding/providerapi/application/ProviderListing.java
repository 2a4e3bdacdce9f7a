package dev.marketplace.onboarding.providerapi.application;

import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import java.time.Instant;
import java.util.List;

/** One of the provider's listings as the provider API shows it. */
public record ProviderListing(long id, String model, long endpointId, String endpointName, String upstreamModel,
                              String status, PriceSet prices, String quantization, List<String> supportedParameters,
                              Instant createdAt) {
}
