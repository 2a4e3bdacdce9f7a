/**
 * Auto top-up: when a developer's available credit falls below their threshold, their saved card is charged
 * off-session for the amount they chose, at most once per crossing (re-armed only when the balance is back at
 * or above the threshold). A checker off the hot path claims the crossing, charges through the
 * {@link dev.marketplace.billing.topup.OffSessionCharges} port (implemented in billing.infrastructure.stripe)
 * and credits a success keyed by the payment intent id, as the {@code payment_intent.succeeded} webhook does.
 * A decline or a card that needs the developer's action is recorded and turns auto top-up off until they
 * re-enable it. Depends on billing.crediting, billing.payments, billing.ledger and billing.jdbc.
 */
package dev.marketplace.billing.topup;
