/**
 * The finance dashboard's figures, read from the ledger only: cash at Stripe against what the platform owes
 * (developers' unspent credit, providers' payables), take revenue, Stripe fees and transfers, now and per month (UTC).
 * Depends on the ledger's tables; writes nothing.
 */
package dev.marketplace.billing.financedashboard;
