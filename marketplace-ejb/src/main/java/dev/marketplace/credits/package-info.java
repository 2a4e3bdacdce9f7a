/**
 * Buying credit with an API key (the portal's Credits page calls billing.checkout directly): who the caller is,
 * where the payer returns, then billing's StartCheckout and ConfirmCheckout. Depends on billing.checkout and
 * keys.application.
 */
package dev.marketplace.credits;
