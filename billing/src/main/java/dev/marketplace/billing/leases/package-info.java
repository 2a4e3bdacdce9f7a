/**
 * Per-node balance leases (decision 0007): a node reserves a slice of a developer's available credit once and then
 * serves many calls' holds from memory; charges of those calls shrink the lease in their own transaction; a lease
 * that its node stops renewing is returned to the account by any node. Plain JDBC on the caller's connection, like
 * billing.holds; depends on billing.charges, billing.holds and billing.ledger.
 */
package dev.marketplace.billing.leases;
