package dev.marketplace.catalog.browse;

import java.util.List;

/** A live model's page: its card and its live endpoints, cheapest first. */
public record ModelDetail(ModelCard card, List<EndpointRow> endpoints) {

    public ModelDetail {
        endpoints = List.copyOf(endpoints);
    }
}
