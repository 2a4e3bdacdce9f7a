/**
 * The portal inbox: short notices to one user (an application approved or rejected, later listing and payout
 * events), unread until the user opens the inbox. Notices are written inside the transaction of the event they
 * tell of; a notice to a provider goes to each of its members. Plain JDBC; depends on billing's local transactions
 * and provider membership.
 */
package dev.marketplace.onboarding.inbox;
