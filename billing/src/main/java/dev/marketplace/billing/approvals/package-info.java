/**
 * Four-eyes finance requests on a developer's credit: credit grants, refunds of unused credit (by Stripe refund of
 * the developer's latest covering payment) and bad-debt write-offs, each with a reason, requested by one finance user
 * and applied only when another approves. Depends on billing.ledger, billing.payments, billing.audit, billing.jdbc;
 * Stripe through the {@code CreditRefunds} port.
 */
package dev.marketplace.billing.approvals;
