/**
 * Three-way reconciliation and period close: ledger journals against usage records (joined by the usage id, which
 * is its journal's idempotency key) and against Stripe's balance transactions (joined by the Stripe object id kept
 * on each journal), per UTC period. Differences are classified, resolved by an audited correcting journal or marked
 * as timing, and a period closes only at zero unexplained difference. Depends on the ledger and on three ports it
 * defines: {@link dev.marketplace.billing.reconciliation.BalanceTransactions} (Stripe),
 * {@link dev.marketplace.billing.reconciliation.MeteredUsage} (usage records) and
 * {@link dev.marketplace.billing.reconciliation.AuditTrail}.
 */
package dev.marketplace.billing.reconciliation;
