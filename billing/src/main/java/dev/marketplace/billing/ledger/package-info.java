/**
 * The append-only double-entry ledger: journals of at least two postings that sum to zero, written once
 * under a unique idempotency key, with balances cached in {@code account_balance} in the same transaction.
 * Plain JDBC on the caller's connection ({@link dev.marketplace.billing.ledger.LedgerWriter},
 * {@link dev.marketplace.billing.ledger.LedgerQueries}) plus a CDI facade; depends on billing.jdbc only.
 */
package dev.marketplace.billing.ledger;
