/**
 * Starting a credit purchase: the amount limits ($5 to $10,000), the optional purchase fee shown before paying, a
 * Stripe customer per developer (so the card saved at Checkout can pay auto top-ups later), the Checkout Session,
 * the success redirect that credits through the same idempotency key as the webhook, and the purchase history.
 * Stripe itself stays behind the {@link dev.marketplace.billing.checkout.CheckoutSessions} and
 * {@link dev.marketplace.billing.checkout.PaymentCustomers} ports (billing.infrastructure.stripe). Depends on
 * billing.purchases, billing.jdbc and billing.ledger.
 */
package dev.marketplace.billing.checkout;
