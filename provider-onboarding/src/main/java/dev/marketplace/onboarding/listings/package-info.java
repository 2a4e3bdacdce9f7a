/**
 * Listings imported from a provider's List Models URL (OpenRouter's provider format) into draft proposals:
 * {@code domain} parses and validates the document (prices converted exactly to micro-USD), {@code application}
 * runs an import all-or-nothing, {@code infrastructure} stores the drafts with plain JDBC.
 */
package dev.marketplace.onboarding.listings;
