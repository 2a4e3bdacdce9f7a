package dev.marketplace.onboarding.payouts.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.connect.ConnectEvent;
import dev.marketplace.billing.connect.ConnectEventOutcome;
import dev.marketplace.billing.connect.ConnectedAccountStatus;
import dev.marketplace.billing.connect.OnboardingLink;
import dev.marketplace.billing.connect.ReceiveConnectEvent;
import dev.marketplace.onboarding.payouts.domain.PayoutAccount;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PayoutOnboardingTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final String REFRESH = "https://portal.test/provider/payouts/refresh";
    private static final String RETURN = "https://portal.test/provider/payouts/return";

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private FakeConnectedAccounts stripe;
    private PayoutOnboarding onboarding;
    private ReceiveConnectEvent webhook;
    private final AtomicReference<ConnectEvent> next = new AtomicReference<>();
    private long providerId;

    @BeforeEach
    void provider() throws SQLException {
        db.execute("truncate stripe_connect_event, provider_payout_account, provider_member, inbox_notice, "
                + "provider_application, provider cascade");
        providerId = db.provider("acme");
        db.execute("insert into provider_member (provider_id, username) values (" + providerId + ", 'alice'), ("
                + providerId + ", 'bob')");
        db.execute("insert into provider_application (username, organisation, contact_name, contact_email, website,"
                + " country, terms_version, terms_accepted_at, status, decided_by, decided_at, provider_id) values "
                + "('alice', 'Acme', 'Alice', 'alice@acme.test', 'https://acme.test', 'DE', 'v1', now(), 'approved',"
                + " 'admin', now(), " + providerId + ")");
        stripe = new FakeConnectedAccounts();
        onboarding = new PayoutOnboarding(db.dataSource(), stripe, Clock.fixed(T0, ZoneOffset.UTC));
        webhook = new ReceiveConnectEvent(db.dataSource(), (payload, signature) -> next.get(),
                List.of(new AccountUpdatedHandler()));
    }

    @Test
    void theAccountIsCreatedOnceAndEveryStartGivesAFreshLink() throws SQLException {
        OnboardingLink first = onboarding.startOnboarding("alice", REFRESH, RETURN);
        OnboardingLink again = onboarding.startOnboarding("bob", REFRESH, RETURN);
        assertNotEquals(first.url(), again.url(), "an Account Link is single-use: regenerated each time");
        assertEquals(List.of("connect-account:" + providerId + " DE " + providerId), stripe.createCalls);
        PayoutAccount account = onboarding.account("alice").orElseThrow();
        assertEquals("acct_fake1", account.status().accountId());
        assertEquals("inactive", account.status().transfersCapability());
        assertEquals(1, db.longValue("select count(*) from provider_payout_account where provider_id = ?", providerId));
    }

    @Test
    void someoneWhoActsForNoProviderCannotOnboard() {
        assertThrows(PayoutAccountException.class, () -> onboarding.startOnboarding("mallory", REFRESH, RETURN));
        assertTrue(stripe.createCalls.isEmpty());
    }

    @Test
    void anOlderEventDoesNotOverwriteANewerState() throws SQLException {
        String account = onboarded();
        assertEquals(ConnectEventOutcome.Kind.APPLIED, deliver("evt_new", account, T0.plusSeconds(20), "active").kind());
        ConnectEventOutcome stale = deliver("evt_old", account, T0.plusSeconds(10), "inactive");
        assertEquals(ConnectEventOutcome.Kind.IGNORED, stale.kind());
        assertTrue(stale.note().startsWith("stale"), stale.note());
        assertEquals("active", transfers());
        assertEquals(ConnectEventOutcome.Kind.APPLIED, deliver("evt_later", account, T0.plusSeconds(30), "inactive").kind());
        assertEquals("inactive", transfers());
        assertEquals("ignored", db.stringValue("select outcome from stripe_connect_event where id = 'evt_old'"));
    }

    @Test
    void theSameEventManyTimesIsAppliedAndAnnouncedOnce() throws SQLException {
        String account = onboarded();
        for (int i = 0; i < 5; i++) {
            deliver("evt_dup", account, T0.plusSeconds(5), "active");
        }
        assertEquals("active", transfers());
        assertEquals(2, db.longValue("select count(*) from inbox_notice where subject = 'Your payout account is active'"),
                "one notice for each of the two members");
        assertEquals(1, db.longValue("select count(*) from stripe_connect_event where id = 'evt_dup'"));
    }

    @Test
    void requirementsThatAppearAreAnnouncedAndAnUnknownAccountIsRecordedAndIgnored() throws SQLException {
        String account = onboarded();
        next.set(new ConnectEvent("evt_req", ConnectEvent.ACCOUNT_UPDATED, account, T0, "{}",
                new ConnectedAccountStatus(account, false, false, false, "pending", List.of("external_account"))));
        webhook.record(next.get());
        assertEquals(1, db.longValue("select count(*) from inbox_notice where username = 'alice' and body like "
                + "'%external_account%'"));
        assertEquals("[\"external_account\"]", db.stringValue("select requirements_due::text from provider_payout_account"));

        ConnectEventOutcome unknown = deliver("evt_unknown", "acct_nobody", T0, "active");
        assertEquals(ConnectEventOutcome.Kind.IGNORED, unknown.kind());
        assertEquals("ignored", db.stringValue("select outcome from stripe_connect_event where id = 'evt_unknown'"));
    }

    @Test
    void returningFromStripeReadsTheAccountAndALateEventFromBeforeIsIgnored() throws SQLException {
        String account = onboarded();
        stripe.states.put(account, status(account, "active"));
        assertEquals("active", onboarding.refreshFromStripe("alice").orElseThrow().status().transfersCapability());
        assertEquals(ConnectEventOutcome.Kind.IGNORED,
                deliver("evt_before_return", account, T0.minusSeconds(1), "pending").kind());
        assertEquals("active", transfers());
        assertEquals(2, db.longValue("select count(*) from inbox_notice where subject = 'Your payout account is active'"));
    }

    private String onboarded() {
        onboarding.startOnboarding("alice", REFRESH, RETURN);
        return onboarding.account("alice").orElseThrow().status().accountId();
    }

    private ConnectEventOutcome deliver(String eventId, String account, Instant created, String transfers) {
        next.set(new ConnectEvent(eventId, ConnectEvent.ACCOUNT_UPDATED, account, created, "{}", status(account, transfers)));
        return webhook.receive(new byte[0], "t=1,v1=ignored-by-the-fake-verifier");
    }

    private static ConnectedAccountStatus status(String account, String transfers) {
        boolean active = "active".equals(transfers);
        return new ConnectedAccountStatus(account, true, active, active, transfers, List.of());
    }

    private String transfers() throws SQLException {
        return db.stringValue("select transfers_capability from provider_payout_account where provider_id = " + providerId);
    }
}
