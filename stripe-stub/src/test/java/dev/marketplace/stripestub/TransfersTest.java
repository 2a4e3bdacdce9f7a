package dev.marketplace.stripestub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Balance;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
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

/** Transfers through the real SDK: idempotency, lookup by transfer_group (paged), reversals and their event. */
class TransfersTest {

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

    private Transfer transfer(long cents, String group, String key) throws Exception {
        return stripe.v1().transfers().create(TransferCreateParams.builder().setAmount(cents).setCurrency("usd")
                .setDestination("acct_1Provider7").setTransferGroup(group).build(),
                RequestOptions.builder().setIdempotencyKey(key).build());
    }

    @Test
    void aTransferIsReplayedUnderItsKeyUntilTheStubForgetsKeysAsStripeDoesAfterADay() throws Exception {
        Transfer first = transfer(2500, "statement_1", "payout-statement_1");
        Transfer replayed = transfer(2500, "statement_1", "payout-statement_1");
        assertEquals(first.getId(), replayed.getId());
        assertEquals(List.of(2500L, "acct_1Provider7", "statement_1"), List.of(first.getAmount(),
                first.getDestination(), first.getTransferGroup()));

        post("/_stub/idempotency/forget");
        Transfer dayLater = transfer(2500, "statement_1", "payout-statement_1");

        assertNotEquals(first.getId(), dayLater.getId(), "after the window the key makes a new transfer");
        StripeCollection<Transfer> group = stripe.v1().transfers().list(TransferListParams.builder()
                .setTransferGroup("statement_1").build());
        assertEquals(2, group.getData().size(), "which is why payouts look the group up first");
    }

    @Test
    void transfersAreListedByGroupPageByPageAndShowInTheBalanceTransactions() throws Exception {
        for (int i = 0; i < 5; i++) {
            transfer(100 + i, "statement_9", "k" + i);
        }
        transfer(700, "statement_10", "k-other");
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            TransferListParams.Builder params = TransferListParams.builder().setTransferGroup("statement_9").setLimit(2L);
            if (after != null) {
                params.setStartingAfter(after);
            }
            StripeCollection<Transfer> page = stripe.v1().transfers().list(params.build());
            page.getData().forEach(t -> seen.add(t.getId()));
            after = page.getHasMore() ? page.getData().get(page.getData().size() - 1).getId() : null;
        } while (after != null);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());

        StripeCollection<BalanceTransaction> txns = stripe.v1().balanceTransactions().list(
                BalanceTransactionListParams.builder().setType("transfer").setLimit(100L).build());
        assertEquals(6, txns.getData().size());
        assertEquals(-700L, txns.getData().get(0).getAmount());
        Balance balance = stripe.v1().balance().retrieve();
        assertEquals(-(100 + 101 + 102 + 103 + 104 + 700L), balance.getAvailable().get(0).getAmount());
    }

    @Test
    void reversingATransferEmitsTransferReversedWithTheCumulativeAmount() throws Exception {
        Transfer t = transfer(3000, "statement_3", "k3");
        post("/_stub/transfers/" + t.getId() + "/reverse?amount=1000");
        stripe.v1().transfers().reversals().create(t.getId(),
                com.stripe.param.TransferReversalCreateParams.builder().build());

        Transfer after = stripe.v1().transfers().retrieve(t.getId());
        assertEquals(3000L, after.getAmountReversed());
        assertTrue(after.getReversed());
        List<Event> reversed = new ArrayList<>();
        for (WebhookReceiver.Received r : receiver.await(3)) {
            Event e = Webhook.constructEvent(r.payload(), r.signature(), SECRET);
            if ("transfer.reversed".equals(e.getType())) {
                reversed.add(e);
            }
        }
        assertEquals(2, reversed.size());
        Transfer inEvent = (Transfer) reversed.get(0).getDataObjectDeserializer().getObject().orElseThrow();
        assertEquals(1000L, inEvent.getAmountReversed());
        assertThrows(InvalidRequestException.class, () -> stripe.v1().transfers().reversals().create(t.getId(),
                com.stripe.param.TransferReversalCreateParams.builder().setAmount(1L).build()));
    }

    @Test
    void aTransferNeedsAWellFormedConnectedAccountAndAPositiveAmount() {
        assertThrows(InvalidRequestException.class, () -> stripe.v1().transfers().create(TransferCreateParams.builder()
                .setAmount(100L).setCurrency("usd").setDestination("cus_nope").build()));
        assertThrows(InvalidRequestException.class, () -> stripe.v1().transfers().create(TransferCreateParams.builder()
                .setAmount(0L).setCurrency("usd").setDestination("acct_1Ok").build()));
    }

    private void post(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
