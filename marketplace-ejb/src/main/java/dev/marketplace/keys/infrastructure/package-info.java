/**
 * Authenticating a presented key on the hot path from an in-memory cache of hash to key state; the database is
 * read only on a cache miss. Revocation on this node invalidates the entry at once.
 */
package dev.marketplace.keys.infrastructure;
