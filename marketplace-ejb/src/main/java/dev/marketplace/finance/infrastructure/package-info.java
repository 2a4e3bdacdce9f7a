/**
 * What settlement in billing needs from the catalog and metering, behind billing's ports: which provider and model a
 * usage journal was for (from its usage record, decision 0015), the providers to settle and their connected
 * payout accounts. Plain JDBC reads; depends on billing's settlement ports only.
 */
package dev.marketplace.finance.infrastructure;
