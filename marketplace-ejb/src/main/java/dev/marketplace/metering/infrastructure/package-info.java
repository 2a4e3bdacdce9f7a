/**
 * Group commit for the hot path's ledger writes: holds, charges and failure records from many concurrent requests
 * are run by one writer thread in one database transaction per batch, so a batch costs one commit (one fsync) and
 * the hot balance rows are updated by one transaction at a time instead of by every request.
 */
package dev.marketplace.metering.infrastructure;
