/** Tests of journals, the ledger writer and queries, and the database's append-only and balance rules. */
package dev.marketplace.billing.ledger;
