/**
 * Marketplace API keys: the secret format, its SHA-256 hash (the only thing stored) and the key entity.
 */
package dev.marketplace.keys.domain;
