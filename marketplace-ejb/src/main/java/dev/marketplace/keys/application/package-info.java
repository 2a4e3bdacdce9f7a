/**
 * Issuing, listing, changing and revoking API keys, for the portal ({@code ApiKeyService}) and for the management
 * API ({@code ManagedKeys}, authenticated by a management key), always scoped to the owning developer: no key of
 * another developer is ever visible or changeable. Depends on keys.domain and keys.infrastructure.
 */
package dev.marketplace.keys.application;
