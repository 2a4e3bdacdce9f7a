/**
 * A provider's take rate, effective-dated: admins schedule a rate in basis points from a time on, with a reason
 * (audited, the provider's members notified); {@code TakeRateApplier} copies due changes onto {@code
 * provider.take_rate_bps} in one transaction under an advisory lock (safe with several nodes), which bumps the
 * catalog version so every node's charge split uses the new rate within about a second. Depends on audit, admin
 * and billing's local transactions.
 */
package dev.marketplace.onboarding.takerates;
