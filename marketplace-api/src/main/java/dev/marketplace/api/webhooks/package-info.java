/**
 * Webhooks from payment providers: Stripe's platform events at {@code POST /api/webhooks/stripe} and its Connect
 * events (connected accounts: {@code account.updated}, {@code payout.*}) at {@code POST /api/webhooks/stripe-connect},
 * each endpoint with its own signing secret.
 * They need no login: a webhook proves its origin by its signature, which billing verifies over the raw body.
 * Resources here only read the request and call billing.purchases or billing.connect; errors leave in the API's error shape.
 */
package dev.marketplace.api.webhooks;
