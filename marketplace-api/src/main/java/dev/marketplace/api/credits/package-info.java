/**
 * {@code /v1/credits/checkout}: buying credit through Stripe Checkout with an API key, as the portal's Credits
 * page does for a signed-in developer. Calls credits.application only.
 */
package dev.marketplace.api.credits;
