/**
 * Payouts: an approved statement is paid by one Stripe Transfer (transfer_group = statement, idempotency key derived
 * from it, looked up by group before creating) with a journal payable → stripe:clearing; reversals move it back; the
 * connected accounts' own bank payouts are kept for display only. Depends on billing.settlements, billing.ledger,
 * billing.jdbc, billing.audit; Stripe through the {@code TransferGateway} port.
 */
package dev.marketplace.billing.payouts;
