package dev.marketplace.catalog.browse;

/** A live model and the tokens (prompt + completion, successful calls) it served in the ranking's window. */
public record RankedModel(String slug, String name, long tokens) {
}
