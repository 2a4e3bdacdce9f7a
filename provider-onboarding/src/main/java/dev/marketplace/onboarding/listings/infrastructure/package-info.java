/**
 * Plain JDBC over {@code listing}, {@code model}, {@code model_author} and (read only) {@code listing_probe}: what an
 * import checks and writes (draft listings, registry proposals) and what the lifecycle reads and moves, always on a
 * connection the caller's transaction lends.
 */
package dev.marketplace.onboarding.listings.infrastructure;
