/** SQL behind the provider API: listings of one provider, draft writes, health and earnings queries. */
package dev.marketplace.onboarding.providerapi.infrastructure;
