/**
 * Provider onboarding end to end: a new Keycloak user applies in the portal, an admin approves in the queue, the
 * user gets the {@code provider} realm role (checked in a fresh token), a provider row, an audit entry and an inbox
 * notice. Headless Chromium with page objects, as the browser package.
 */
package dev.marketplace.systemtests.providers;
