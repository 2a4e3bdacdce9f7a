/**
 * Webhooks from payment providers, starting with Stripe's platform events at {@code POST /api/webhooks/stripe}.
 * They need no login: a webhook proves its origin by its signature, which billing verifies over the raw body.
 * Resources here only read the request and call billing.purchases; errors leave in the API's error shape.
 */
package dev.marketplace.api.webhooks;
