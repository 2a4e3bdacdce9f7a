package dev.marketplace.billing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.testing.Fixtures;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger tables and {@code stripe_payment} (whose money a payment was) reject UPDATE, DELETE and TRUNCATE,
 * checked both in the catalog (the triggers exist) and by trying.
 */
class AppendOnlyTablesTest {

    private static final List<String> APPEND_ONLY = List.of("ledger_account", "ledger_journal", "ledger_posting",
            "stripe_payment");

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();

    @BeforeAll
    static void createDatabase() throws SQLException {
        Fixtures.grant(database.dataSource(), 601, 1_000_000, "grant-601");
        try (Connection c = database.connect()) {
            new StripePayments().record(c, new CreditedPayment("pi_601", 601, 1_000_000, 0, PaymentSource.CHECKOUT,
                    "grant-601"));
        }
    }

    @Test
    void everyAppendOnlyTableHasTriggersForUpdateDeleteAndTruncate() throws SQLException {
        for (String table : APPEND_ONLY) {
            long triggers = Fixtures.count(database.dataSource(), """
                    SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                      JOIN pg_proc p ON p.oid = t.tgfoid
                     WHERE c.relname = ? AND p.proname = 'ledger_reject_change' AND NOT t.tgisinternal""", table);
            assertEquals(2, triggers, table + ": one row trigger (UPDATE, DELETE) and one TRUNCATE trigger");
        }
    }

    @Test
    void updateDeleteAndTruncateFailOnEachOfThem() throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String table : APPEND_ONLY) {
            String column = table.equals("stripe_payment") ? "journal_key" : table.equals("ledger_account") ? "code"
                    : table.equals("ledger_journal") ? "memo" : "account_code";
            statements.add("UPDATE " + table + " SET " + column + " = " + column);
            statements.add("DELETE FROM " + table);
            statements.add("TRUNCATE " + table + " CASCADE");
        }
        for (String sql : statements) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertEquals("23001", refused.getSQLState(), sql + ": " + refused.getMessage());
            }
        }
        assertEquals(1, Fixtures.count(database.dataSource(), "SELECT count(*) FROM stripe_payment"));
        assertEquals(1, Fixtures.count(database.dataSource(), "SELECT count(*) FROM ledger_journal"));
    }
}
