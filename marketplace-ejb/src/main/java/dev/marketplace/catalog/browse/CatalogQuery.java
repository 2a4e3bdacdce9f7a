package dev.marketplace.catalog.browse;

import java.util.List;
import java.util.Locale;

/**
 * What a visitor asks of the catalog list: free text (in slug, name or description), the most they would pay per
 * million input or output tokens at the cheapest endpoint (micro-USD), the least context, a modality (input or
 * output), a provider slug, and an order. Null fields do not filter. Pure: applied to the live cards in memory
 * (the live catalog is small: bounded by the listings an admin approved).
 */
public record CatalogQuery(String search, Long maxPriceMicrosPerMTok, Integer minContext, String modality,
                           String provider, CatalogSort sort) {

    public static final int MAX_SEARCH_LENGTH = 200;

    public CatalogQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            throw new IllegalArgumentException("search is limited to " + MAX_SEARCH_LENGTH + " characters");
        }
        if (maxPriceMicrosPerMTok != null && maxPriceMicrosPerMTok < 0) {
            throw new IllegalArgumentException("the maximum price must not be negative");
        }
        if (minContext != null && minContext < 0) {
            throw new IllegalArgumentException("the minimum context must not be negative");
        }
        modality = modality == null || modality.isBlank() ? null : modality;
        provider = provider == null || provider.isBlank() ? null : provider;
        sort = sort == null ? CatalogSort.NAME : sort;
    }

    public static CatalogQuery all() {
        return new CatalogQuery(null, null, null, null, null, CatalogSort.NAME);
    }

    public List<ModelCard> apply(List<ModelCard> cards) {
        return cards.stream().filter(this::matches).sorted(sort.order()).toList();
    }

    boolean matches(ModelCard card) {
        if (search != null) {
            String needle = search.toLowerCase(Locale.ROOT);
            if (!(card.slug().toLowerCase(Locale.ROOT).contains(needle)
                    || card.name().toLowerCase(Locale.ROOT).contains(needle)
                    || card.description().toLowerCase(Locale.ROOT).contains(needle))) {
                return false;
            }
        }
        if (maxPriceMicrosPerMTok != null && (card.minInputMicrosPerMTok() > maxPriceMicrosPerMTok
                || card.minOutputMicrosPerMTok() > maxPriceMicrosPerMTok)) {
            return false;
        }
        if (minContext != null && card.contextLength() < minContext) {
            return false;
        }
        if (modality != null && !card.inputModalities().contains(modality) && !card.outputModalities().contains(modality)) {
            return false;
        }
        return provider == null || card.providerSlugs().contains(provider);
    }
}
