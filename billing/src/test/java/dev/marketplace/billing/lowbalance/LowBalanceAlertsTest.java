package dev.marketplace.billing.lowbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.testing.Fixtures;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LowBalanceAlertsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static final List<LowBalance> NOTICES = new CopyOnWriteArrayList<>();
    private static LowBalanceAlerts alerts;

    @BeforeAll
    static void createDatabase() throws SQLException {
        alerts = new LowBalanceAlerts(database.dataSource(), NOTICES::add);
    }

    @Test
    void firesOncePerCrossingAndReArmsWhenTheCreditIsBackUp() throws SQLException {
        Fixtures.grant(database.dataSource(), 501, 3_000_000, "grant-501-a");
        alerts.setThreshold(501, OptionalLong.of(2_000_000));

        assertEquals(0, alerts.runOnce());
        move(501, -1_500_000);
        assertEquals(1, alerts.runOnce());
        assertEquals(0, alerts.runOnce());
        move(501, -100_000);
        assertEquals(0, alerts.runOnce());
        assertEquals(List.of(new LowBalance(501, 2_000_000, 1_500_000)), NOTICES);

        move(501, 600_000);
        assertEquals(0, alerts.runOnce(), "back at the threshold: re-armed, not fired");
        move(501, -1);
        assertEquals(1, alerts.runOnce());
        assertEquals(new LowBalance(501, 2_000_000, 1_999_999), NOTICES.get(1));
        assertEquals(OptionalLong.of(2_000_000), alerts.threshold(501));

        alerts.setThreshold(501, OptionalLong.empty());
        assertEquals(OptionalLong.empty(), alerts.threshold(501));
        assertThrows(IllegalArgumentException.class, () -> alerts.setThreshold(501, OptionalLong.of(0)));
    }

    /** Moves credit between the developer and the take account (a stand-in for usage and its correction). */
    private static void move(long developerId, long micros) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            new LedgerWriter().post(c, new JournalEntry("move-" + System.nanoTime(), "usage", null, null, List.of(
                    new Posting(AccountCodes.developerCredit(developerId), micros),
                    new Posting(AccountCodes.REVENUE_TAKE, -micros))));
            c.commit();
        }
    }
}
