/**
 * A provider's payout account (Stripe Connect Express): {@code application} starts onboarding (the account is
 * created once per provider through billing's {@code ConnectedAccounts} port, then a fresh Account Link each time)
 * and keeps the account's state from {@code account.updated} events and from reads on return; {@code domain} decides
 * what a new state means (stale or not, which notices); {@code infrastructure} is the {@code provider_payout_account}
 * row. Routing reads that row: no paid traffic without the transfers capability active (docs/providers.md).
 */
package dev.marketplace.onboarding.payouts;
