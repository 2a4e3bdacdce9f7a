/**
 * The append-only audit log of admin (and later finance) actions: actor, action, target, reason, time. Rows are
 * written inside the transaction of the action they record; the database refuses UPDATE, DELETE and TRUNCATE.
 * Plain JDBC; depends on billing's local transactions only.
 */
package dev.marketplace.onboarding.audit;
