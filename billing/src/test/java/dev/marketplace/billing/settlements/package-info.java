/** Tests of settlement statements against generated usage journals on PostgreSQL. */
package dev.marketplace.billing.settlements;
