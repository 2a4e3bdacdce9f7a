/**
 * Usage charges: one journal per metered call that moves the gross from the developer's credit to the
 * payee's share and the platform's fee, and settles the call's hold in the same transaction, exactly once
 * per idempotency key. Depends on billing.money, billing.ledger and billing.holds. {@code BatchChargeWriter}
 * settles a whole group-committed batch in a fixed number of set-based statements, with the same result as
 * {@code ChargeWriter.settle} item by item.
 */
package dev.marketplace.billing.charges;
