/**
 * Writing usage records together with their charge in one database transaction (plain JDBC, no JTA) and reading
 * a developer's recent generations. Depends on billing's charge writer.
 */
package dev.marketplace.metering.application;
