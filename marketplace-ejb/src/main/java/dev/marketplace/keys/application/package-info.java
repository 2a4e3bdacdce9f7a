/**
 * Issuing, listing and revoking API keys, always scoped to the owning developer (no key of another developer is
 * ever visible or revocable).
 */
package dev.marketplace.keys.application;
