/**
 * The portal's frame and what every view shares: the application layout with its per-role navigation, the
 * signed-in {@link dev.marketplace.ui.shell.PortalUser} as the views read it from the HTTP session, the role gate
 * in front of role-only views (and {@code SignedIn} for pages open to any signed-in user), the inbox bell, and display
 * formats for money and time. Depends on Vaadin, {@code billing.money} and {@code onboarding.inbox} only; feature
 * views depend on it, never the other way round.
 */
package dev.marketplace.ui.shell;
