package dev.marketplace.catalog.browse;

import java.util.Comparator;

/** The orders the catalog list offers; ties are broken by slug so the order is stable. */
public enum CatalogSort {
    NAME("Name", Comparator.comparing(ModelCard::name, String.CASE_INSENSITIVE_ORDER)),
    PRICE_LOW("Lowest price", Comparator.comparingLong((ModelCard c) -> c.minInputMicrosPerMTok() + c.minOutputMicrosPerMTok())),
    CONTEXT_HIGH("Largest context", Comparator.comparingInt(ModelCard::contextLength).reversed()),
    NEWEST("Newest", Comparator.comparing(ModelCard::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));

    private final String label;
    private final Comparator<ModelCard> order;

    CatalogSort(String label, Comparator<ModelCard> order) {
        this.label = label;
        this.order = order.thenComparing(ModelCard::slug);
    }

    public String label() {
        return label;
    }

    public Comparator<ModelCard> order() {
        return order;
    }
}
