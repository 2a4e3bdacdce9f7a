/**
 * The portal inbox: short notices to one user (an application approved or rejected, later listing and payout
 * events), unread until the user opens the inbox. Notices are written inside the transaction of the event they
 * tell of. Plain JDBC; depends on billing's local transactions only.
 */
package dev.marketplace.onboarding.inbox;
