/**
 * The anti-corruption layer in front of Stripe: the only package that imports the Stripe SDK. It verifies
 * webhook signatures with the SDK and translates SDK events into billing.purchases' own records, pinned to the
 * API version the SDK was built for, and charges saved cards off-session for billing.topup. Depends on com.stripe,
 * billing.purchases and billing.topup.
 */
package dev.marketplace.billing.infrastructure.stripe;
