package dev.marketplace.billing.connect;

import static dev.marketplace.billing.testing.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.infrastructure.stripe.SignedEvents;
import dev.marketplace.billing.infrastructure.stripe.StripeConnectWebhookVerifier;
import dev.marketplace.billing.purchases.InvalidWebhookSignatureException;
import dev.marketplace.billing.testing.BoundedDataSource;
import dev.marketplace.billing.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each test uses its own event ids, so the tests share one database. */
class ReceiveConnectEventTest {

    private static final long NOW = 1_764_000_000L;
    private static final String CONNECT_SECRET = "whsec_connect_for_unit_tests";

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static ReceiveConnectEvent receiver;
    private static final List<String> applied = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createDatabase() throws SQLException {
        StripeConnectWebhookVerifier verifier = new StripeConnectWebhookVerifier(CONNECT_SECRET,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        ConnectEventHandler accountUpdated = new ConnectEventHandler() {
            @Override
            public String eventType() {
                return ConnectEvent.ACCOUNT_UPDATED;
            }

            @Override
            public ConnectEventOutcome handle(Connection connection, ConnectEvent event) {
                applied.add(event.eventId() + " " + event.account().transfersCapability());
                return ConnectEventOutcome.applied("transfers " + event.account().transfersCapability());
            }
        };
        receiver = new ReceiveConnectEvent(new BoundedDataSource(database.dataSource(), 10), verifier,
                List.of(accountUpdated));
    }

    @Test
    void anAccountUpdatedIsVerifiedWithTheConnectSecretAndItsStateRead() {
        String payload = accountUpdated("evt_c1", "acct_1", "active", "[]");
        ConnectEventOutcome outcome = receiver.receive(bytes(payload), SignedEvents.header(payload, CONNECT_SECRET, NOW));
        assertEquals(ConnectEventOutcome.Kind.APPLIED, outcome.kind());
        assertTrue(applied.contains("evt_c1 active"), applied.toString());
    }

    @Test
    void theStateOfTheAccountComesFromTheEvent() {
        String payload = accountUpdated("evt_c2", "acct_2", "pending", "[\"external_account\"]");
        ConnectEvent event = new StripeConnectWebhookVerifier(CONNECT_SECRET,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
                .verify(bytes(payload), SignedEvents.header(payload, CONNECT_SECRET, NOW));
        assertEquals("acct_2", event.accountId());
        assertEquals(Instant.ofEpochSecond(1_764_000_000L), event.created());
        assertEquals(new ConnectedAccountStatus("acct_2", true, false, false, "pending", List.of("external_account")),
                event.account());
    }

    @Test
    void thePlatformSecretOrNoSignatureIsRefusedAndNothingRecorded() throws SQLException {
        String payload = accountUpdated("evt_c3", "acct_3", "active", "[]");
        assertThrows(InvalidWebhookSignatureException.class,
                () -> receiver.receive(bytes(payload), SignedEvents.header(payload, SignedEvents.SECRET, NOW)));
        assertThrows(InvalidWebhookSignatureException.class, () -> receiver.receive(bytes(payload), null));
        assertThrows(InvalidWebhookSignatureException.class,
                () -> receiver.receive(bytes(payload), SignedEvents.header(payload, CONNECT_SECRET, NOW - 301)));
        assertEquals(0, count(database.dataSource(), "select count(*) from stripe_connect_event where id = ?", "evt_c3"));
    }

    @Test
    void theSameEventManyTimesAtOnceIsAppliedOnce() throws Exception {
        String payload = accountUpdated("evt_c4", "acct_4", "active", "[]");
        String header = SignedEvents.header(payload, CONNECT_SECRET, NOW);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ConnectEventOutcome>> deliveries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                deliveries.add(() -> receiver.receive(bytes(payload), header));
            }
            List<ConnectEventOutcome.Kind> kinds = new ArrayList<>();
            for (Future<ConnectEventOutcome> f : pool.invokeAll(deliveries)) {
                kinds.add(f.get().kind());
            }
            assertEquals(1, kinds.stream().filter(k -> k == ConnectEventOutcome.Kind.APPLIED).count(), kinds.toString());
            assertEquals(11, kinds.stream().filter(k -> k == ConnectEventOutcome.Kind.DUPLICATE).count(), kinds.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, applied.stream().filter(a -> a.startsWith("evt_c4 ")).count());
        assertEquals(1, count(database.dataSource(),
                "select count(*) from stripe_connect_event where id = ? and outcome = 'applied'", "evt_c4"));
    }

    @Test
    void anEventWithNoHandlerIsKeptAsUnhandled() throws SQLException {
        String payout = """
                {"id":"po_1","object":"payout","amount":2500,"currency":"usd","status":"paid"}""";
        String payload = SignedEvents.event("evt_c5", "payout.paid", SignedEvents.API_VERSION, payout)
                .replace("\"object\":\"event\",", "\"object\":\"event\",\"account\":\"acct_5\",");
        ConnectEventOutcome outcome = receiver.receive(bytes(payload), SignedEvents.header(payload, CONNECT_SECRET, NOW));
        assertEquals(ConnectEventOutcome.Kind.UNHANDLED, outcome.kind());
        assertEquals(1, count(database.dataSource(), "select count(*) from stripe_connect_event where id = ? and"
                + " account = 'acct_5' and type = 'payout.paid' and outcome = 'unhandled'", "evt_c5"));
        assertNull(new StripeConnectWebhookVerifier(CONNECT_SECRET, Clock.fixed(Instant.ofEpochSecond(NOW),
                ZoneOffset.UTC)).verify(bytes(payload), SignedEvents.header(payload, CONNECT_SECRET, NOW)).account());
    }

    static String accountUpdated(String eventId, String accountId, String transfers, String dueJson) {
        String account = """
                {"id":"%s","object":"account","type":"express","details_submitted":true,"charges_enabled":false,\
                "payouts_enabled":false,"capabilities":{"transfers":"%s"},"requirements":{"currently_due":%s}}"""
                .formatted(accountId, transfers, dueJson);
        return SignedEvents.event(eventId, ConnectEvent.ACCOUNT_UPDATED, SignedEvents.API_VERSION, account)
                .replace("\"object\":\"event\",", "\"object\":\"event\",\"account\":\"" + accountId + "\",");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
