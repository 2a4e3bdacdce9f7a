/**
 * Writing usage records together with their charge in one database transaction (plain JDBC, no JTA), holding calls'
 * worst cases from this node's balance and key limit leases (or per call in the database), and reading a
 * developer's recent generations. Depends on billing's holds, leases and charge writer, and on the keys' state.
 */
package dev.marketplace.metering.application;
