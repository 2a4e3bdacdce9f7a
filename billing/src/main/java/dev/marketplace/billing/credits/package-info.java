/**
 * Granted (promotional) credit: moves an amount from the platform's promotions account to a developer's
 * credit, once per idempotency key. Approval (four-eyes) is the caller's business; this package only posts.
 * Depends on billing.ledger and billing.jdbc.
 */
package dev.marketplace.billing.credits;
