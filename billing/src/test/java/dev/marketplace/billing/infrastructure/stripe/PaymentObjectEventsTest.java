package dev.marketplace.billing.infrastructure.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import dev.marketplace.billing.purchases.ChargeDisputed;
import dev.marketplace.billing.purchases.ChargeRefunded;
import dev.marketplace.billing.purchases.PaymentEvent;
import dev.marketplace.billing.purchases.PaymentIntentUpdate;
import dev.marketplace.billing.purchases.SetupIntentSucceeded;
import dev.marketplace.billing.topup.ChargeResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signed Stripe-shaped payloads through the verifier into billing's records, field by field. */
class PaymentObjectEventsTest {

    private static final long NOW = 1_764_000_000L;
    private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(SignedEvents.SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void chargeRefundedCarriesTheCumulativeAmount() {
        PaymentEvent event = verify("evt_r", "charge.refunded", """
                {"id":"ch_1","object":"charge","amount":1050,"amount_refunded":500,"currency":"usd",\
                "payment_intent":"pi_1","refunded":false}""");

        assertEquals(new ChargeRefunded("evt_r", "charge.refunded", event.payloadJson(), "ch_1", "pi_1", 500, "usd"),
                event);
    }

    @Test
    void disputesCarryAmountStatusAndFee() {
        PaymentEvent event = verify("evt_d", "charge.dispute.closed", """
                {"id":"dp_1","object":"dispute","amount":800,"charge":"ch_1","currency":"usd",\
                "payment_intent":"pi_1","status":"lost","balance_transactions":[{"id":"txn_1",\
                "object":"balance_transaction","amount":-2300,"fee":1500,"currency":"usd"}]}""");

        assertEquals(new ChargeDisputed("evt_d", "charge.dispute.closed", event.payloadJson(), "dp_1", "ch_1", "pi_1",
                800, 1500, "usd", "lost"), event);
    }

    @Test
    void paymentIntentsCarryMetadataCardAndFailure() {
        PaymentEvent event = verify("evt_p", "payment_intent.payment_failed", """
                {"id":"pi_2","object":"payment_intent","amount":2500,"amount_received":0,"currency":"usd",\
                "customer":"cus_1","payment_method":"pm_1","status":"requires_payment_method",\
                "metadata":{"purpose":"auto_top_up","developer_id":"7","crossing":"3"},\
                "last_payment_error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}""");

        assertEquals(new PaymentIntentUpdate("evt_p", "payment_intent.payment_failed", event.payloadJson(), "pi_2",
                "requires_payment_method", 0, "usd", "cus_1", "pm_1", null,
                Map.of("purpose", "auto_top_up", "developer_id", "7", "crossing", "3"), "Your card was declined."),
                event);
    }

    @Test
    void setupIntentsCarryTheSavedCard() {
        PaymentEvent event = verify("evt_s", "setup_intent.succeeded", """
                {"id":"seti_1","object":"setup_intent","customer":"cus_1","payment_method":"pm_1",\
                "status":"succeeded","metadata":{"developer_id":"7"}}""");

        assertEquals(new SetupIntentSucceeded("evt_s", "setup_intent.succeeded", event.payloadJson(), "seti_1",
                "cus_1", "pm_1", Map.of("developer_id", "7")), event);
    }

    @Test
    void offSessionAnswersMapToChargeResults() {
        assertEquals(new ChargeResult(ChargeResult.Status.SUCCEEDED, "pi_s", 2500, null),
                StripeOffSessionCharges.result(intent("pi_s", "succeeded", 2500)));
        assertEquals(ChargeResult.Status.REQUIRES_ACTION,
                StripeOffSessionCharges.result(intent("pi_a", "requires_action", 0)).status());
        assertEquals(ChargeResult.Status.DECLINED,
                StripeOffSessionCharges.result(intent("pi_d", "requires_payment_method", 0)).status());
        assertEquals(new ChargeResult(ChargeResult.Status.PROCESSING, "pi_p", 0, null),
                StripeOffSessionCharges.result(intent("pi_p", "processing", 0)));
    }

    private static PaymentIntent intent(String id, String status, long received) {
        return ApiResource.GSON.fromJson("""
                {"id":"%s","object":"payment_intent","status":"%s","amount_received":%d,"currency":"usd"}"""
                .formatted(id, status, received), PaymentIntent.class);
    }

    @Test
    void transferReversedCarriesTheCumulativeReversedAmount() {
        PaymentEvent event = verify("evt_tr", "transfer.reversed", """
                {"id":"tr_1","object":"transfer","amount":4180,"amount_reversed":1000,"currency":"usd",\
                "destination":"acct_1X","transfer_group":"statement_7","reversed":false}""");

        assertEquals(new dev.marketplace.billing.purchases.TransferReversed("evt_tr", "transfer.reversed",
                event.payloadJson(), "tr_1", 1000), event);
    }

    private PaymentEvent verify(String eventId, String type, String object) {
        String payload = SignedEvents.event(eventId, type, SignedEvents.API_VERSION, object);
        return verifier.verify(payload.getBytes(StandardCharsets.UTF_8),
                SignedEvents.header(payload, SignedEvents.SECRET, NOW));
    }
}
