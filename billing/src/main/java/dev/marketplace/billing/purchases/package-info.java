/**
 * Buying credit with Stripe Checkout: a verified payment event is recorded once by its event id and a paid
 * Checkout Session is credited to its developer exactly once per session, both in one local transaction. The
 * other payment events (refunds, disputes, auto top-up payment intents, saved cards) are dispatched in that same
 * transaction to billing.refunds, billing.disputes and billing.topup ({@code PaymentEventHandlers}).
 * The event arrives as billing's own records ({@link dev.marketplace.billing.purchases.PaymentEvent}); the
 * Stripe SDK stays behind the {@link dev.marketplace.billing.purchases.PaymentEventVerifier} port. Depends on
 * billing.ledger, billing.jdbc, billing.crediting, billing.refunds, billing.disputes and billing.topup.
 */
package dev.marketplace.billing.purchases;
