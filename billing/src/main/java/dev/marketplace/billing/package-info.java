/**
 * Billing: money arithmetic, the append-only double-entry ledger, two-phase holds and usage charges.
 * It depends on nothing of ours, only on the Jakarta EE API and a PostgreSQL database with the
 * {@code db/migration/billing} schema; the other modules depend on it.
 */
package dev.marketplace.billing;
