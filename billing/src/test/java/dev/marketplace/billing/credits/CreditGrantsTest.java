package dev.marketplace.billing.credits;

import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CreditGrantsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static CreditGrants grants;

    @BeforeAll
    static void createDatabase() throws SQLException {
        grants = new CreditGrants(database.dataSource());
    }

    @Test
    void grantsOncePerKey() throws SQLException {
        assertTrue(grants.grant(21, 5_000_001, "welcome-21", "welcome credit"));
        assertFalse(grants.grant(21, 5_000_001, "welcome-21", "welcome credit"));
        assertTrue(grants.grant(21, 1, "bonus-21", null));

        assertEquals(5_000_002, balance(database.dataSource(), AccountCodes.developerCredit(21)));
        assertEquals(-5_000_002, balance(database.dataSource(), AccountCodes.PROMOTIONS));
        assertEquals(2, count(database.dataSource(),
                "SELECT count(*) FROM ledger_journal WHERE kind = 'grant' AND idempotency_key LIKE ?", "%-21"));
        assertEquals("welcome credit", memo("welcome-21"));
    }

    @Test
    void rejectsNonPositiveAmounts() {
        assertThrows(IllegalArgumentException.class, () -> grants.grant(22, 0, "zero-22", null));
        assertThrows(IllegalArgumentException.class, () -> grants.grant(22, -5, "neg-22", null));
    }

    private static String memo(String key) throws SQLException {
        try (var c = database.connect();
             var s = c.prepareStatement("SELECT memo FROM ledger_journal WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (var rows = s.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }
}
