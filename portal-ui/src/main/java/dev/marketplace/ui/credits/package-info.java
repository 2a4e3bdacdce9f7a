/**
 * The developer's Credits pages: buy credit through Stripe Checkout (amount $5–$10,000 with inline errors, the
 * purchase fee shown before paying), the success and cancel pages Checkout returns to, the purchase history and a
 * printable receipt. Calls billing.checkout and developers.application only.
 */
package dev.marketplace.ui.credits;
