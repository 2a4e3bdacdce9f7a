package dev.marketplace.catalog.browse;

import java.time.Instant;
import java.util.List;

/**
 * A live model as the catalog list shows it: what it is, who serves it, and its cheapest live prices (input and
 * output, each the lowest over its endpoints, micro-USD per million tokens).
 */
public record ModelCard(String slug, String name, String description, int contextLength, int maxOutputTokens,
                        List<String> inputModalities, List<String> outputModalities, List<String> providerSlugs,
                        long minInputMicrosPerMTok, long minOutputMicrosPerMTok, Instant createdAt) {

    public ModelCard {
        inputModalities = List.copyOf(inputModalities);
        outputModalities = List.copyOf(outputModalities);
        providerSlugs = List.copyOf(providerSlugs);
    }

    /** {@code author} of {@code author/slug}. */
    public String author() {
        return slug.substring(0, slug.indexOf('/'));
    }
}
