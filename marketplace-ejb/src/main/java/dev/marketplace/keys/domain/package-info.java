/**
 * Marketplace keys: their kinds (API keys call models, management keys manage API keys), the secret format per kind,
 * its SHA-256 hash (the only thing stored), the key entity with its limit settings, and the rules those settings obey.
 */
package dev.marketplace.keys.domain;
