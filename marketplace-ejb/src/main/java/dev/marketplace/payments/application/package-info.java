/**
 * {@link dev.marketplace.payments.application.PaymentSettings}: read and change a developer's auto top-up and
 * low-balance alert, with the amounts parsed from the portal's USD text. Calls billing's beans only.
 */
package dev.marketplace.payments.application;
