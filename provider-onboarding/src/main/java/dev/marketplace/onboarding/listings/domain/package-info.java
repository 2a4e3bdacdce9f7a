/**
 * Pure parsing and validation of a List Models document: one {@link
 * dev.marketplace.onboarding.listings.domain.ListingProposal} per valid {@code data[]} item, one {@link
 * dev.marketplace.onboarding.listings.domain.ItemProblem} per thing wrong, naming the item and the field. Prices per
 * token (decimal strings) become micro-USD per million tokens exactly or are refused. Depends on JSON-P only.
 */
package dev.marketplace.onboarding.listings.domain;
