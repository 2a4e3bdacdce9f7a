package dev.marketplace.billing.infrastructure.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.purchases.CompletedCheckout;
import dev.marketplace.billing.purchases.InvalidWebhookSignatureException;
import dev.marketplace.billing.purchases.OtherPaymentEvent;
import dev.marketplace.billing.purchases.PaymentEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {

    private static final long NOW = 1_764_000_000L;
    private static final StripeWebhookVerifier VERIFIER = new StripeWebhookVerifier(SignedEvents.SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    private static final String PAID = SignedEvents.checkoutEvent("evt_1", CompletedCheckout.COMPLETED, "cs_test_1",
            "42", 1234, "usd", "paid", "pi_1");

    @Test
    void pinsTheApiVersionTheStackNotesName() {
        assertEquals(SignedEvents.API_VERSION, StripeEvents.PINNED_API_VERSION);
    }

    @Test
    void eventsOfThePinnedVersionDeserializeSafely() throws Exception {
        com.stripe.model.Event event = com.stripe.net.Webhook.constructEvent(PAID,
                SignedEvents.header(PAID, SignedEvents.SECRET, NOW), SignedEvents.SECRET, 300,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

        assertTrue(event.getDataObjectDeserializer().getObject().isPresent(), "no deserializeUnsafe() fallback");
    }

    @Test
    void mapsAValidCheckoutEventToBillingsRecord() {
        PaymentEvent event = VERIFIER.verify(bytes(PAID), SignedEvents.header(PAID, SignedEvents.SECRET, NOW));

        assertEquals(new CompletedCheckout("evt_1", CompletedCheckout.COMPLETED, PAID, "cs_test_1", "42", 1234, "usd",
                "paid", "pi_1"), event);
    }

    @Test
    void carriesTheCreditAndFeeFromTheSessionsMetadata() {
        String payload = SignedEvents.event("evt_4", CompletedCheckout.COMPLETED, SignedEvents.API_VERSION, """
                {"id":"cs_test_4","object":"checkout.session","mode":"payment","status":"complete",\
                "amount_total":1059,"currency":"usd","client_reference_id":"42","payment_status":"paid",\
                "payment_intent":"pi_4","metadata":{"credit_cents":"1000","fee_cents":"59"},"livemode":false}""");

        PaymentEvent event = VERIFIER.verify(bytes(payload), SignedEvents.header(payload, SignedEvents.SECRET, NOW));

        assertEquals(new CompletedCheckout("evt_4", CompletedCheckout.COMPLETED, payload, "cs_test_4", "42", 1059,
                "usd", "paid", "pi_4", "1000", "59"), event);
    }

    @Test
    void mapsAnAsyncSuccessWithoutReferenceOrPaymentIntent() {
        String payload = SignedEvents.checkoutEvent("evt_2", CompletedCheckout.ASYNC_PAYMENT_SUCCEEDED, "cs_test_2",
                null, 500, "usd", "paid", null);

        PaymentEvent event = VERIFIER.verify(bytes(payload), SignedEvents.header(payload, SignedEvents.SECRET, NOW));

        assertEquals(new CompletedCheckout("evt_2", CompletedCheckout.ASYNC_PAYMENT_SUCCEEDED, payload, "cs_test_2",
                null, 500, "usd", "paid", null), event);
    }

    @Test
    void readsAnEventOfAnotherApiVersionUnsafely() {
        String payload = SignedEvents.checkoutEvent("evt_3", CompletedCheckout.COMPLETED, "2020-08-27", "cs_test_3",
                "7", 999, "usd", "paid", "pi_3");

        PaymentEvent event = VERIFIER.verify(bytes(payload), SignedEvents.header(payload, SignedEvents.SECRET, NOW));

        CompletedCheckout checkout = assertInstanceOf(CompletedCheckout.class, event);
        assertEquals("cs_test_3", checkout.sessionId());
        assertEquals(999, checkout.amountTotalMinor());
    }

    @Test
    void passesOtherTypesOnAsUnhandled() {
        String payload = SignedEvents.event("evt_4", "customer.created", SignedEvents.API_VERSION,
                "{\"id\":\"cus_1\",\"object\":\"customer\"}");

        PaymentEvent event = VERIFIER.verify(bytes(payload), SignedEvents.header(payload, SignedEvents.SECRET, NOW));

        assertEquals(new OtherPaymentEvent("evt_4", "customer.created", payload), event);
    }

    @Test
    void rejectsATamperedBody() {
        String header = SignedEvents.header(PAID, SignedEvents.SECRET, NOW);
        String tampered = PAID.replace("\"amount_total\":1234", "\"amount_total\":999999");

        assertRejected(tampered, header);
    }

    @Test
    void rejectsAWrongSecret() {
        assertRejected(PAID, SignedEvents.header(PAID, "whsec_someone_else", NOW));
    }

    @Test
    void acceptsTheEdgeOfTheToleranceAndRejectsAnOldTimestamp() {
        long toleranceSeconds = 300;
        assertInstanceOf(CompletedCheckout.class,
                VERIFIER.verify(bytes(PAID), SignedEvents.header(PAID, SignedEvents.SECRET, NOW - toleranceSeconds)));

        assertRejected(PAID, SignedEvents.header(PAID, SignedEvents.SECRET, NOW - toleranceSeconds - 1));
        assertRejected(PAID, SignedEvents.header(PAID, SignedEvents.SECRET, NOW - 86_400));
    }

    @Test
    void rejectsMissingAndMalformedHeaders() {
        assertRejected(PAID, null);
        assertRejected(PAID, "  ");
        assertRejected(PAID, "garbage");
        assertRejected(PAID, "t=" + NOW);
        assertRejected(PAID, "t=" + NOW + ",v0=" + "ab".repeat(32));
    }

    @Test
    void rejectsABodyThatIsNotUtf8() {
        byte[] payload = {(byte) 0xC3, (byte) 0x28};
        String header = SignedEvents.header(new String(payload, StandardCharsets.ISO_8859_1), SignedEvents.SECRET, NOW);

        assertThrows(InvalidWebhookSignatureException.class, () -> VERIFIER.verify(payload, header));
    }

    @Test
    void usesTheEnvironmentsSecretElseTheLocalDevSecret() {
        assertEquals("whsec_real", WebhookSecret.fromEnvironment(Map.of("STRIPE_WEBHOOK_SECRET", " whsec_real\n")));
        assertEquals("whsec_local_dev_secret", WebhookSecret.fromEnvironment(Map.of()));
        assertEquals("whsec_local_dev_secret", WebhookSecret.fromEnvironment(Map.of("STRIPE_WEBHOOK_SECRET", "")));
    }

    private static void assertRejected(String payload, String header) {
        InvalidWebhookSignatureException e = assertThrows(InvalidWebhookSignatureException.class,
                () -> VERIFIER.verify(bytes(payload), header));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "the 400 says why");
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
