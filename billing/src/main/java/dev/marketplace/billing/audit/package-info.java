/**
 * The port through which billing's finance actions (settlement prepare and approve, payouts) reach the audit log in
 * the same transaction. Implemented outside billing; depends on nothing.
 */
package dev.marketplace.billing.audit;
