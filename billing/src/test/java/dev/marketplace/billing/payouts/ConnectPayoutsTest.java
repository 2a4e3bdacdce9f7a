package dev.marketplace.billing.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectPayoutsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static ConnectPayouts payouts;

    @BeforeAll
    static void createDatabase() throws SQLException {
        payouts = new ConnectPayouts(database.dataSource());
    }

    @Test
    void oneRowPerBankPayoutWithItsLastStateShownPerAccount() {
        Instant arrival = Instant.parse("2026-05-01T00:00:00Z");
        payouts.record(new ConnectPayout("po_1", "acct_1A", 4180, "usd", "paid", null, arrival, "evt_1", null));
        payouts.record(new ConnectPayout("po_1", "acct_1A", 4180, "usd", "failed", "closed account", arrival, "evt_2",
                null));
        payouts.record(new ConnectPayout("po_2", "acct_1B", 100, "usd", "paid", null, null, "evt_3", null));

        List<ConnectPayout> mine = payouts.list("acct_1A");
        assertEquals(1, mine.size());
        assertEquals(List.of("failed", "closed account", "evt_2"), List.of(mine.get(0).status(),
                mine.get(0).failureMessage(), mine.get(0).eventId()));
        assertEquals(2, payouts.list(null).size());
        assertThrows(IllegalArgumentException.class, () -> new ConnectPayout("po_3", "cus_1", 1, "usd", "paid", null,
                null, "evt_4", null));
    }
}
