/**
 * Plain JDBC over {@code listing_draft}, {@code model} and {@code model_author}: what the import checks (which slugs
 * exist, who owns an author namespace) and the upsert of drafts, always on a connection the caller's transaction
 * lends, so that an import is written whole or not at all.
 */
package dev.marketplace.onboarding.listings.infrastructure;
