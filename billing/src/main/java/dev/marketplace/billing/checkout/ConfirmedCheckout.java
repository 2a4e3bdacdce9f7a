package dev.marketplace.billing.checkout;

import dev.marketplace.billing.purchases.WebhookOutcome;

/**
 * What the success redirect found: whether the session is paid and credited (now, or earlier by the webhook), or
 * why not (e.g. still awaiting an asynchronous payment).
 */
public record ConfirmedCheckout(String sessionId, WebhookOutcome outcome, String note) {

    public boolean credited() {
        return outcome == WebhookOutcome.CREDITED || outcome == WebhookOutcome.ALREADY_CREDITED;
    }
}
