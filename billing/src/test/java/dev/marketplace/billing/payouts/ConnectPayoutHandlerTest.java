package dev.marketplace.billing.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.connect.ConnectEvent;
import dev.marketplace.billing.connect.ConnectEventOutcome;
import dev.marketplace.billing.infrastructure.stripe.ConnectPayoutHandler;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Connect webhook's payout events reach the display table on the receiver's own connection. */
class ConnectPayoutHandlerTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static ConnectPayouts payouts;

    @BeforeAll
    static void createDatabase() throws SQLException {
        payouts = new ConnectPayouts(database.dataSource());
    }

    @Test
    void aFailedBankPayoutIsKeptForTheAccount() throws SQLException {
        String payload = """
                {"id": "evt_po_9", "object": "event", "type": "payout.failed", "account": "acct_9Z", "created": 1764028800,
                 "api_version": "%s",
                 "data": {"object": {"id": "po_9", "object": "payout", "amount": 2500, "currency": "usd",
                                     "status": "failed", "failure_message": "account closed", "arrival_date": 1764115200}}}"""
                .formatted(com.stripe.Stripe.API_VERSION);
        ConnectEvent event = new ConnectEvent("evt_po_9", ConnectPayouts.FAILED, "acct_9Z", Instant.ofEpochSecond(1764028800),
                payload, null);
        ConnectEventOutcome outcome;
        try (Connection c = database.dataSource().getConnection()) {
            outcome = new ConnectPayoutHandler(ConnectPayouts.FAILED, payouts).handle(c, event);
        }
        assertEquals(ConnectEventOutcome.Kind.APPLIED, outcome.kind());
        List<ConnectPayout> shown = payouts.list("acct_9Z");
        assertEquals(1, shown.size());
        assertEquals(List.of("po_9", "failed", "account closed"), List.of(shown.get(0).payoutId(), shown.get(0).status(),
                shown.get(0).failureMessage()));
        assertEquals(2500, shown.get(0).amountCents());
    }

    @Test
    void onlyPayoutEventTypes() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectPayoutHandler("account.updated", payouts));
    }
}
