package dev.marketplace.billing.infrastructure.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.marketplace.billing.purchases.InvalidWebhookSignatureException;
import dev.marketplace.billing.purchases.PaymentEvent;
import dev.marketplace.billing.purchases.PaymentEventVerifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Verifies the {@code Stripe-Signature} of a platform webhook with the SDK ({@code t=…,v1=…}: HMAC-SHA256 over
 * {@code t.payload}, 300 s tolerance) and hands the event on as billing's {@link PaymentEvent}.
 */
@ApplicationScoped
public class StripeWebhookVerifier implements PaymentEventVerifier {

    private String secret;
    private Clock clock;

    public StripeWebhookVerifier() {
        // for CDI; the secret is read in init()
    }

    public StripeWebhookVerifier(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        secret = WebhookSecret.fromEnvironment(System.getenv());
        clock = Clock.systemUTC();
    }

    @Override
    public PaymentEvent verify(byte[] payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookSignatureException("Missing Stripe-Signature header");
        }
        String body = utf8(payload);
        Event event;
        try {
            event = Webhook.constructEvent(body, signatureHeader, secret, Webhook.DEFAULT_TOLERANCE, clock);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookSignatureException("Invalid Stripe-Signature: " + e.getMessage(), e);
        }
        return StripeEvents.toPaymentEvent(event, body);
    }

    /** The SDK verifies a String; decoding strictly keeps it byte-for-byte the body Stripe signed. */
    static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidWebhookSignatureException("Webhook body is not UTF-8, so Stripe did not sign it", e);
        }
    }
}
