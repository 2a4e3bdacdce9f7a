/**
 * Keeps this node's catalog snapshot in step with the database: a once-a-second poll of the catalog version that
 * triggers on the catalog tables bump (decision 0006). Depends on catalog.application and plain JDBC.
 */
package dev.marketplace.catalog.infrastructure;
