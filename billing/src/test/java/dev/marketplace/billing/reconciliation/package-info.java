/** Reconciliation tests: the matcher alone, and runs, resolutions and close on PostgreSQL with hand-built data. */
package dev.marketplace.billing.reconciliation;
