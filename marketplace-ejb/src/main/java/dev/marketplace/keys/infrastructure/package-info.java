/**
 * Authenticating a presented key from an in-memory cache of hash to key state (API keys for the hot path,
 * management keys for the /keys API); the database is read only on a cache miss. A change invalidates the entry at
 * once on its own node and, through a once-a-second poll of {@code api_key.updated_at}, on every other node.
 */
package dev.marketplace.keys.infrastructure;
