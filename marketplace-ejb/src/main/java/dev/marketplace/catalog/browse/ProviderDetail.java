package dev.marketplace.catalog.browse;

import java.util.List;

/** An active provider's public page: its live models, each with that provider's endpoint row. */
public record ProviderDetail(String slug, String name, List<Offer> offers) {

    public ProviderDetail {
        offers = List.copyOf(offers);
    }

    /** One model the provider serves live, with the endpoint serving it. */
    public record Offer(String modelSlug, String modelName, EndpointRow endpoint) {
    }
}
