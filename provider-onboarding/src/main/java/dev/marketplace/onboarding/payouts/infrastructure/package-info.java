/**
 * Plain JDBC over {@code provider_payout_account} (the shared table routing reads), the provider's members and its
 * approved application, on connections lent by the application layer.
 */
package dev.marketplace.onboarding.payouts.infrastructure;
