package dev.marketplace.systemtests.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marketplace.systemtests.purchases.StripeStub;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Auto top-up end to end through the test stack's Stripe stub: a developer buys $10 with a test card saved for
 * off-session use (the stub's card decides what later charges do), sets auto top-up of $25 below $50, and the
 * server's checker (every 2 s) charges the card off-session. Exact balance and journal count afterwards.
 */
class AutoTopUpIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long PURCHASE_MICROS = 10_000_000;

    @BeforeAll
    static void needsTheStub() {
        assumeTrue(StripeStub.url().isPresent(), "the stack runs against real Stripe: no test cards");
    }

    @Test
    void aSucceedingCardIsChargedOncePerCrossingAndCredited() throws Exception {
        FreshDeveloper developer = buyWithSavedCard("succeed");

        enableAutoTopUp(developer);

        awaitTrue(() -> journals(developer, "auto_top_up") == 1, "an auto top-up credited");
        Thread.sleep(6_000); // three more checks: still below $50, the crossing is not charged again
        assertEquals(1, journals(developer, "auto_top_up"));
        assertEquals(PURCHASE_MICROS + 25_000_000, balance(developer));
        assertEquals(2, journals(developer, null));
        try (Connection c = Db.connect()) {
            assertEquals(List.of("charged"), Db.queryStrings(c,
                    "select state from auto_top_up where developer_id = " + developer.id()));
        }
    }

    @Test
    void aDeclinedCardIsRecordedAndTurnsAutoTopUpOff() throws Exception {
        FreshDeveloper developer = buyWithSavedCard("decline");

        enableAutoTopUp(developer);

        awaitTrue(() -> !enabled(developer), "auto top-up turned off");
        assertTrue(lastFailure(developer).contains("declined"), lastFailure(developer));
        assertEquals(PURCHASE_MICROS, balance(developer));
        assertEquals(1, journals(developer, null));
    }

    @Test
    void aCardThatNeedsAuthenticationIsRecordedAndTurnsAutoTopUpOff() throws Exception {
        FreshDeveloper developer = buyWithSavedCard("action");

        enableAutoTopUp(developer);

        awaitTrue(() -> !enabled(developer), "auto top-up turned off");
        assertTrue(lastFailure(developer).contains("3-D Secure"), lastFailure(developer));
        assertEquals(PURCHASE_MICROS, balance(developer));
        assertEquals(1, journals(developer, null));
    }

    /** Buys $10 through the stub's Checkout with the given test card; waits for the credit and the saved card. */
    private static FreshDeveloper buyWithSavedCard(String card) throws Exception {
        FreshDeveloper developer = FreshDeveloper.create();
        HttpResponse<String> started = Http.postJson(TestTarget.apiUrl() + "/credits/checkout", developer.apiKey(),
                "{\"amount\":\"10.00\"}");
        assertEquals(200, started.statusCode(), () -> Http.describe(started));
        String session = Http.json(started.body()).getJsonObject("data").getString("id");
        HttpResponse<String> paid = Http.postJson(StripeStub.url().orElseThrow() + "/_stub/checkout/" + session
                + "/pay?outcome=succeed&card=" + card, null, "");
        assertEquals(200, paid.statusCode(), () -> Http.describe(paid));
        awaitTrue(() -> balance(developer) == PURCHASE_MICROS && savedCards(developer) == 1,
                "the purchase credited and its card saved");
        return developer;
    }

    private static void enableAutoTopUp(FreshDeveloper developer) throws SQLException {
        try (Connection c = Db.connect(); PreparedStatement ps = c.prepareStatement("""
                insert into auto_top_up (developer_id, enabled, threshold_micros, amount_micros)
                values (?, true, 50000000, 25000000)""")) {
            ps.setLong(1, developer.id());
            ps.executeUpdate();
        }
    }

    private static long balance(FreshDeveloper developer) throws SQLException {
        try (Connection c = Db.connect()) {
            return Db.queryLong(c, "select coalesce((select balance_micros from account_balance where account_code = ?),"
                    + " 0)", developer.creditAccount());
        }
    }

    private static long journals(FreshDeveloper developer, String kind) throws SQLException {
        try (Connection c = Db.connect()) {
            String sql = "select count(distinct j.id) from ledger_posting p join ledger_journal j on j.id = p.journal_id"
                    + " where p.account_code = ?";
            return kind == null ? Db.queryLong(c, sql, developer.creditAccount())
                    : Db.queryLong(c, sql + " and j.kind = ?", developer.creditAccount(), kind);
        }
    }

    private static long savedCards(FreshDeveloper developer) throws SQLException {
        try (Connection c = Db.connect()) {
            return Db.queryLong(c, "select count(*) from saved_payment_method where developer_id = ?", developer.id());
        }
    }

    private static boolean enabled(FreshDeveloper developer) throws SQLException {
        try (Connection c = Db.connect()) {
            return Db.queryLong(c, "select count(*) from auto_top_up where developer_id = ? and enabled",
                    developer.id()) == 1;
        }
    }

    private static String lastFailure(FreshDeveloper developer) throws SQLException {
        try (Connection c = Db.connect()) {
            List<String> failures = Db.queryStrings(c, "select coalesce(last_failure, '') from auto_top_up"
                    + " where developer_id = " + developer.id());
            return failures.isEmpty() ? "" : failures.get(0);
        }
    }

    /** A check that may throw SQL errors. */
    private interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!check.ok()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
