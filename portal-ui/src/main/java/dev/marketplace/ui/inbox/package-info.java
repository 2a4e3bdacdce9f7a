/**
 * The portal inbox: the page listing a user's notices (the bell with the unread count is in the shell). Calls the
 * onboarding module's {@code Inbox} service only.
 */
package dev.marketplace.ui.inbox;
