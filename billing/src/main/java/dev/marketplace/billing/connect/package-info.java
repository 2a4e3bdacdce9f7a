/**
 * Stripe Connect as billing offers it to the rest of the marketplace: the {@link
 * dev.marketplace.billing.connect.ConnectedAccounts} port (Express accounts for providers, onboarding links, their
 * status) and the Connect webhook: verified by {@link dev.marketplace.billing.connect.ConnectEventVerifier},
 * recorded once per event id and handed, in the same transaction, to the {@link
 * dev.marketplace.billing.connect.ConnectEventHandler} for its type. Handlers live in the modules that own the
 * effect (provider onboarding for {@code account.updated}, payouts for {@code payout.*}). Depends on nothing of
 * ours outside billing; the Stripe SDK stays in billing.infrastructure.stripe.
 */
package dev.marketplace.billing.connect;
