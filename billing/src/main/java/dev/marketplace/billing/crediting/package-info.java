/**
 * Crediting a paid Stripe payment to a developer, once: the credit journal, the record of whose payment it is,
 * and the refunds and disputes of the payment that arrived before the credit, all in the caller's transaction
 * under the payment's lock. Used by Checkout purchases and auto top-ups. Depends on billing.payments,
 * billing.refunds, billing.disputes, billing.ledger.
 */
package dev.marketplace.billing.crediting;
