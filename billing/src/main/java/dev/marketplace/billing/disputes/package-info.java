/**
 * Disputes (chargebacks) of Stripe charges: an opened dispute moves the disputed amount out of the developer's
 * spendable credit into {@code platform:disputes}; closed as won it goes back, closed as lost it leaves with the
 * cash ({@code platform:stripe:clearing}) and Stripe's dispute fee is booked to {@code platform:disputes:fees}.
 * Each step is one journal under a key per dispute and step, so repeated or reordered events change nothing
 * twice; a dispute of a payment not credited yet waits for the credit. Depends on billing.payments,
 * billing.ledger and billing.jdbc.
 */
package dev.marketplace.billing.disputes;
