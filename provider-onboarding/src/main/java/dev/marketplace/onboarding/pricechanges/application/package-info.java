/** Scheduling, listing and cancelling a provider's price changes, shared by the provider API and the portal page. */
package dev.marketplace.onboarding.pricechanges.application;
