package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.marketplace.billing.connect.ConnectEvent;
import dev.marketplace.billing.connect.ConnectEventVerifier;
import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.billing.purchases.InvalidWebhookSignatureException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Verifies a Connect webhook with the Connect endpoint's own secret ({@code STRIPE_CONNECT_WEBHOOK_SECRET}; the
 * SDK's check: HMAC-SHA256 over {@code t.payload}, 300 s tolerance) and hands it on as a {@link ConnectEvent},
 * with the account's state read from {@code account.updated} events.
 */
@ApplicationScoped
public class StripeConnectWebhookVerifier implements ConnectEventVerifier {

    private String secret;
    private Clock clock;

    public StripeConnectWebhookVerifier() {
        // for CDI; the secret is read in init()
    }

    public StripeConnectWebhookVerifier(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        secret = WebhookSecret.connectFromEnvironment(System.getenv());
        clock = Clock.systemUTC();
    }

    @Override
    public ConnectEvent verify(byte[] payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookSignatureException("Missing Stripe-Signature header");
        }
        String body = StripeWebhookVerifier.utf8(payload);
        Event event;
        try {
            event = Webhook.constructEvent(body, signatureHeader, secret, Webhook.DEFAULT_TOLERANCE, clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookSignatureException("Invalid Stripe-Signature: " + e.getMessage(), e);
        }
        ConnectedAccountStatus account = ConnectEvent.ACCOUNT_UPDATED.equals(event.getType())
                ? ConnectAccountStates.of(EventData.object(event, Account.class)) : null;
        String accountId = event.getAccount() != null ? event.getAccount() : account == null ? null : account.accountId();
        return new ConnectEvent(event.getId(), event.getType(), accountId, Instant.ofEpochSecond(event.getCreated()),
                body, account);
    }
}
