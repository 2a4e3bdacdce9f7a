/**
 * Plain JDBC reads behind the account use cases: sums over the ledger's postings ({@code ledger_posting},
 * {@code ledger_journal.kind}) and single usage records. No writes.
 */
package dev.marketplace.account.infrastructure;
