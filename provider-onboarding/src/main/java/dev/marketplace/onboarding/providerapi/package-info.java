/**
 * The provider API's use cases (what {@code /api/provider/v1} offers a provider's automation): its listings and
 * draft edits, endpoint health and earnings, always scoped to the provider the token belongs to.
 */
package dev.marketplace.onboarding.providerapi;
