/**
 * Buying credit with Stripe Checkout: a verified payment event is recorded once by its event id and a paid
 * Checkout Session is credited to its developer exactly once per session, both in one local transaction.
 * The event arrives as billing's own records ({@link dev.marketplace.billing.purchases.PaymentEvent}); the
 * Stripe SDK stays behind the {@link dev.marketplace.billing.purchases.PaymentEventVerifier} port. Depends on
 * billing.ledger and billing.jdbc only.
 */
package dev.marketplace.billing.purchases;
