/**
 * Which developer a Stripe payment (a payment intent) was for, recorded in the transaction that credits it, and
 * the per-payment lock that orders everything done to one payment: its credit, its refunds, its disputes.
 * Refunds and disputes that arrive before the credit wait here ("parked") until it posts. Depends on
 * billing.jdbc only.
 */
package dev.marketplace.billing.payments;
