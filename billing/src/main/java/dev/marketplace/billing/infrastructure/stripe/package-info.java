/**
 * The anti-corruption layer in front of Stripe: the only package that imports the Stripe SDK. It verifies
 * webhook signatures with the SDK and translates SDK events into billing.purchases' own records, pinned to the
 * API version the SDK was built for. Depends on com.stripe and billing.purchases.
 */
package dev.marketplace.billing.infrastructure.stripe;
