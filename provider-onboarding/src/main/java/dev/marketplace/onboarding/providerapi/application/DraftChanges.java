package dev.marketplace.onboarding.providerapi.application;

import dev.marketplace.onboarding.pricechanges.domain.PriceSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a PATCH of a draft changes: null fields stay; {@code prices} merges the given price fields into the current
 * set (the whole set is checked again); the flags say whether quantization or parameters were given (null clears).
 */
public record DraftChanges(String upstreamModel, UnaryOperator<PriceSet> prices, boolean quantizationGiven,
                           String quantization, boolean parametersGiven, List<String> supportedParameters) {
}
