/**
 * Provider onboarding: sign-up and admin approval ({@code signup}), the audit log ({@code audit}), the portal inbox
 * ({@code inbox}), the guard for provider-given URLs ({@code outbound}) and the List Models import into draft
 * listings ({@code listings}). Uses the catalog (marketplace-ejb) and billing's local transactions; see
 * docs/providers.md for what is built and what is next (verification probe, Connect onboarding, listing approval).
 */
package dev.marketplace.onboarding;
