package dev.marketplace.onboarding.providerapi.application;

import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import java.util.List;

/** A draft listing to create: for one of the provider's endpoints and a registry model. */
public record NewDraft(long endpointId, String model, String upstreamModel, PriceSet prices, String quantization,
                       List<String> supportedParameters) {
}
