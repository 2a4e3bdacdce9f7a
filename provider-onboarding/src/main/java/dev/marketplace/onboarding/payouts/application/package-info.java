/**
 * Payout account use cases: {@link dev.marketplace.onboarding.payouts.application.PayoutOnboarding} for the portal
 * (the provider is always the signed-in member's), {@link dev.marketplace.onboarding.payouts.application.AccountUpdates}
 * applying a state to the row with its notices, and the {@code account.updated} handler of billing's Connect
 * webhook. Calls Stripe only through billing's {@code ConnectedAccounts} port, never inside a transaction.
 */
package dev.marketplace.onboarding.payouts.application;
