/**
 * Refunds of Stripe charges: Stripe reports the cumulative refunded amount of a charge, and the ledger reverses
 * only what is newly refunded (developer credit back to {@code platform:stripe:clearing}), exactly once whatever
 * the order or repetition of the events. A refund that arrives before its payment was credited waits and is
 * applied when the credit posts. Depends on billing.payments, billing.ledger and billing.jdbc.
 */
package dev.marketplace.billing.refunds;
