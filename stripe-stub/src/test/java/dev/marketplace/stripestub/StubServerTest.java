package dev.marketplace.stripestub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub as the marketplace's SDK sees it: shapes the SDK parses, replays, errors, webhooks it can verify. */
class StubServerTest {

    private static final String SECRET = "whsec_unit_test";
    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookReceiver receiver;
    private StubServer stub;
    private StripeClient stripe;

    @BeforeEach
    void start() throws IOException {
        receiver = new WebhookReceiver(0);
        stub = StubServer.start(new StubSettings(0, null, receiver.url(), SECRET, 1, 0, false, 3, "unit"));
        stripe = StripeClient.builder().setApiKey("sk_test_unit").setApiBase(stub.baseUrl())
                .setMaxNetworkRetries(0).build();
    }

    @AfterEach
    void stop() {
        stub.close();
        receiver.close();
    }

    @Test
    void theStubSpeaksTheSdksApiVersion() {
        assertEquals(Stripe.API_VERSION, StubServer.API_VERSION);
    }

    @Test
    void aPaidCheckoutSessionSendsSignedEventsTheSdkVerifies() throws Exception {
        Session created = createSession(1000, "42");
        assertEquals("open", created.getStatus());
        assertEquals("unpaid", created.getPaymentStatus());
        assertEquals(stub.baseUrl() + "/checkout/" + created.getId(), created.getUrl());
        assertEquals(1000L, created.getAmountTotal());

        String pay = control("/_stub/checkout/" + created.getId() + "/pay?outcome=succeed");
        assertTrue(pay.contains("https://shop.test/ok?session=" + created.getId()), pay);

        Session paid = stripe.v1().checkout().sessions().retrieve(created.getId());
        assertEquals("complete", paid.getStatus());
        assertEquals("paid", paid.getPaymentStatus());
        assertEquals("42", paid.getClientReferenceId());
        assertEquals("1000", paid.getMetadata().get("credit_cents"));
        assertNotNull(paid.getCustomer(), "customer_creation=always makes a customer");

        PaymentIntent pi = stripe.v1().paymentIntents().retrieve(paid.getPaymentIntent());
        assertEquals("succeeded", pi.getStatus());
        assertEquals("off_session", pi.getSetupFutureUsage());
        assertEquals("42", pi.getMetadata().get("developer_id"));
        Charge charge = stripe.v1().charges().retrieve(pi.getLatestCharge());
        BalanceTransaction txn = stripe.v1().balanceTransactions().retrieve(charge.getBalanceTransaction());
        assertEquals(1000L, txn.getAmount());
        assertEquals(59L, txn.getFee());
        assertEquals(941L, txn.getNet());

        List<Event> events = new ArrayList<>();
        for (WebhookReceiver.Received r : receiver.await(5)) {
            events.add(Webhook.constructEvent(r.payload(), r.signature(), SECRET));
        }
        List<String> types = events.stream().map(Event::getType).toList();
        assertTrue(types.contains("checkout.session.completed"), types.toString());
        assertEquals("checkout.session.completed", types.get(types.size() - 1), "completed comes last: " + types);
        Event completed = events.get(events.size() - 1);
        assertEquals(Stripe.API_VERSION, completed.getApiVersion());
        Session inEvent = (Session) completed.getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(created.getId(), inEvent.getId());
        assertEquals("paid", inEvent.getPaymentStatus());
    }

    @Test
    void aSignatureWithAnotherSecretDoesNotVerify() throws Exception {
        control("/_stub/checkout/" + createSession(500, "7").getId() + "/pay?outcome=succeed");
        WebhookReceiver.Received r = receiver.await(1).get(0);
        assertThrows(com.stripe.exception.SignatureVerificationException.class,
                () -> Webhook.constructEvent(r.payload(), r.signature(), "whsec_other"));
        String header = r.signature();
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertEquals("t=" + t + ",v1=" + Signature.hmacHex(SECRET, t + "." + r.payload()), header);
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysTheFirstResponse() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("idem-1").build();
        Session first = stripe.v1().checkout().sessions().create(sessionParams(700, "9"), key);
        Session again = stripe.v1().checkout().sessions().create(sessionParams(700, "9"), key);
        assertEquals(first.getId(), again.getId());
        assertEquals("true", again.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));
        assertNull(first.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));

        IdempotencyException e = assertThrows(IdempotencyException.class,
                () -> stripe.v1().checkout().sessions().create(sessionParams(800, "9"), key));
        assertEquals(400, e.getStatusCode());
        assertEquals("idempotency_error", e.getStripeError().getType());
    }

    @Test
    void aCardErrorIsReplayedButAValidationErrorIsNot() throws Exception {
        String customer = savedCardCustomer("decline");
        String pm = stripe.v1().customers().paymentMethods().list(customer).getData().get(0).getId();
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("topup-1").build();
        CardException first = assertThrows(CardException.class,
                () -> stripe.v1().paymentIntents().create(offSession(customer, pm, 2000), key));
        assertEquals(402, first.getStatusCode());
        assertEquals("card_declined", first.getCode());
        CardException replay = assertThrows(CardException.class,
                () -> stripe.v1().paymentIntents().create(offSession(customer, pm, 2000), key));
        assertEquals(first.getStripeError().getPaymentIntent().getId(), replay.getStripeError().getPaymentIntent().getId());

        RequestOptions bad = RequestOptions.builder().setIdempotencyKey("bad-1").build();
        assertThrows(InvalidRequestException.class,
                () -> stripe.v1().paymentIntents().create(offSession(customer, pm, 10), bad));
        PaymentIntent fixed = assertThrows(CardException.class,
                () -> stripe.v1().paymentIntents().create(offSession(customer, pm, 2000), bad))
                .getStripeError().getPaymentIntent();
        assertEquals("requires_payment_method", fixed.getStatus());
    }

    @Test
    void offSessionPaymentsFollowTheSavedCard() throws Exception {
        String good = savedCardCustomer("succeed");
        String goodPm = stripe.v1().customers().paymentMethods().list(good).getData().get(0).getId();
        PaymentIntent ok = stripe.v1().paymentIntents().create(offSession(good, goodPm, 2500));
        assertEquals("succeeded", ok.getStatus());
        assertEquals("auto_topup", ok.getMetadata().get("purpose"));

        String action = savedCardCustomer("action");
        PaymentMethod actionPm = stripe.v1().customers().paymentMethods().list(action).getData().get(0);
        assertEquals("3184", actionPm.getCard().getLast4());
        PaymentIntent needs = stripe.v1().paymentIntents().create(offSession(action, actionPm.getId(), 2500));
        assertEquals("requires_action", needs.getStatus());

        List<String> types = events();
        assertTrue(types.contains("payment_intent.succeeded"), types.toString());
        assertTrue(types.contains("payment_intent.requires_action"), types.toString());
    }

    @Test
    void refundsAreCumulativeOnTheCharge() throws Exception {
        String charge = paidCharge(1000);
        Refund first = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(charge).setAmount(300L).build());
        assertEquals(300L, first.getAmount());
        control("/_stub/charges/" + charge + "/refund?amount=200");
        Charge after = stripe.v1().charges().retrieve(charge);
        assertEquals(500L, after.getAmountRefunded());
        assertFalse(after.getRefunded());
        assertThrows(InvalidRequestException.class, () -> stripe.v1().refunds()
                .create(RefundCreateParams.builder().setCharge(charge).setAmount(501L).build()));
        BalanceTransaction refundTxn = stripe.v1().balanceTransactions().retrieve(first.getBalanceTransaction());
        assertEquals(-300L, refundTxn.getAmount());
        assertEquals(-300L, refundTxn.getNet());
    }

    @Test
    void aDisputeHoldsTheAmountPlusItsFeeAndAWonDisputeReturnsTheAmount() throws Exception {
        String charge = paidCharge(2000);
        JsonObject dispute = JsonText.read(control("/_stub/charges/" + charge + "/dispute"));
        assertEquals("needs_response", dispute.getString("status"));
        assertEquals(2000, dispute.getInt("amount"));
        JsonObject held = dispute.getJsonArray("balance_transactions").getJsonObject(0);
        assertEquals(-2000, held.getInt("amount"));
        assertEquals(1500, held.getInt("fee"));
        assertEquals(-3500, held.getInt("net"));
        assertTrue(stripe.v1().charges().retrieve(charge).getDisputed());

        JsonObject won = JsonText.read(control("/_stub/disputes/" + dispute.getString("id") + "/close?status=won"));
        assertEquals("won", won.getString("status"));
        assertEquals(2000, won.getJsonArray("balance_transactions").getJsonObject(1).getInt("net"));
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/_stub/disputes/"
                + dispute.getString("id") + "/close?status=lost")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, again.statusCode(), "a closed dispute stays closed");

        List<String> types = events();
        assertTrue(types.contains("charge.dispute.created") && types.contains("charge.dispute.closed"), types.toString());
    }

    @Test
    void balanceTransactionsArePagedNewestFirst() throws Exception {
        for (int i = 0; i < 5; i++) {
            paidCharge(1000 + i * 100);
        }
        List<BalanceTransaction> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            BalanceTransactionListParams.Builder params = BalanceTransactionListParams.builder().setLimit(2L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<BalanceTransaction> page = stripe.v1().balanceTransactions().list(params.build());
            assertTrue(page.getData().size() <= 2);
            seen.addAll(page.getData());
            more = page.getHasMore();
            after = page.getData().get(page.getData().size() - 1).getId();
        }
        assertEquals(5, seen.size());
        assertEquals(1400L, seen.get(0).getAmount(), "newest first");
        assertEquals(1000L, seen.get(4).getAmount());
        for (BalanceTransaction txn : seen) {
            assertEquals(Fees.cardFeeCents(txn.getAmount()), txn.getFee());
            assertEquals(txn.getAmount() - txn.getFee(), txn.getNet());
        }
    }

    @Test
    void aKeyThatIsNotATestSecretKeyIsRefused() {
        StripeClient wrong = StripeClient.builder().setApiKey("pk_test_public").setApiBase(stub.baseUrl())
                .setMaxNetworkRetries(0).build();
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> wrong.v1().checkout().sessions().retrieve("cs_test_x"));
        assertEquals(401, e.getStatusCode());
    }

    @Test
    void failedDeliveriesAreRetriedAndDuplicatesSent() throws Exception {
        try (WebhookReceiver flaky = new WebhookReceiver(2)) {
            control("/_stub/config", "{\"webhook_url\":\"" + flaky.url() + "\",\"duplicates\":1}");
            control("/_stub/charges/" + paidChargeQuietly(flaky) + "/dispute");
            List<WebhookReceiver.Received> got = flaky.await(3);
            assertTrue(got.size() >= 3, "two failures then a success: " + got.size());
            assertEquals(got.get(0).payload(), got.get(2).payload(), "the same event again");
        }
        control("/_stub/config", "{\"webhook_url\":\"" + receiver.url() + "\",\"duplicates\":3}");
        int before = receiver.received().size();
        control("/_stub/checkout/" + createSession(500, "1").getId() + "/pay?outcome=succeed");
        List<WebhookReceiver.Received> got = receiver.await(before + 3 * 5);
        long completed = got.stream().skip(before).filter(r -> r.payload().contains("\"checkout.session.completed\"")).count();
        assertEquals(3, completed);
    }

    private String paidChargeQuietly(WebhookReceiver flaky) throws Exception {
        control("/_stub/config", "{\"webhook_url\":null}");
        String charge = paidCharge(900);
        control("/_stub/config", "{\"webhook_url\":\"" + flaky.url() + "\"}");
        return charge;
    }

    private String paidCharge(long cents) throws Exception {
        Session s = createSession(cents, "5");
        control("/_stub/checkout/" + s.getId() + "/pay?outcome=succeed");
        PaymentIntent pi = stripe.v1().paymentIntents().retrieve(
                stripe.v1().checkout().sessions().retrieve(s.getId()).getPaymentIntent());
        return pi.getLatestCharge();
    }

    private String savedCardCustomer(String card) throws Exception {
        Session setup = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP).setCurrency("usd")
                .setSuccessUrl("https://shop.test/ok").build());
        control("/_stub/checkout/" + setup.getId() + "/pay?outcome=succeed&card=" + card);
        return stripe.v1().checkout().sessions().retrieve(setup.getId()).getCustomer();
    }

    private static PaymentIntentCreateParams offSession(String customer, String pm, long cents) {
        return PaymentIntentCreateParams.builder().setAmount(cents).setCurrency("usd").setCustomer(customer)
                .setPaymentMethod(pm).setConfirm(true).setOffSession(true)
                .putMetadata("purpose", "auto_topup").build();
    }

    private Session createSession(long cents, String developer) throws StripeException {
        return stripe.v1().checkout().sessions().create(sessionParams(cents, developer));
    }

    private static SessionCreateParams sessionParams(long cents, String developer) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(developer)
                .setSuccessUrl("https://shop.test/ok?session={CHECKOUT_SESSION_ID}")
                .setCancelUrl("https://shop.test/cancel")
                .setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS)
                .putMetadata("credit_cents", Long.toString(cents))
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION)
                        .putMetadata("developer_id", developer).build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("usd")
                                .setUnitAmount(cents)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Marketplace credits").build()).build()).build())
                .build();
    }

    private List<String> events() throws Exception {
        String body = control("/_stub/events?limit=100");
        List<String> types = new ArrayList<>();
        JsonText.read(body).getJsonArray("data").forEach(v -> types.add(v.asJsonObject().getJsonObject("event")
                .getString("type")));
        return types;
    }

    private String control(String path) throws Exception {
        return control(path, null);
    }

    private String control(String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + path));
        HttpRequest built = (path.startsWith("/_stub/events") ? request.GET()
                : request.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

}
