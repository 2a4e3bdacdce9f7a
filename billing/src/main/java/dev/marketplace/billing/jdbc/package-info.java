/**
 * The small JDBC plumbing the billing beans share: one short local transaction per call on a non-JTA
 * DataSource, with commit, rollback and the unchecked exception that carries a failed SQL call.
 * Depends only on java.sql and javax.sql.
 */
package dev.marketplace.billing.jdbc;
