package dev.marketplace.billing.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The content of the billing tables that matters, as comparable lines (no ids or timestamps): accounts,
 * cached balances and held amounts, holds with their status, journals by key with their postings in order.
 * Used to check that two ways of writing the same operations leave the same books.
 */
public final class LedgerDump {

    private static final List<String> QUERIES = List.of(
            "SELECT 'account', code FROM ledger_account ORDER BY code",
            "SELECT 'balance', account_code, balance_micros, held_micros FROM account_balance ORDER BY account_code",
            "SELECT 'hold', id, account_code, amount_micros, status, closed_at IS NULL FROM ledger_hold ORDER BY id",
            """
            SELECT 'journal', j.idempotency_key, j.kind, j.memo, j.external_ref, p.account_code, p.amount_micros
              FROM ledger_journal j LEFT JOIN ledger_posting p ON p.journal_id = j.id
             ORDER BY j.idempotency_key, p.id""");

    private LedgerDump() {
    }

    public static List<String> lines(DataSource dataSource) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = s.executeQuery(query)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            line.append(i == 1 ? "" : "|").append(rows.getString(i));
                        }
                        lines.add(line.toString());
                    }
                }
            }
        }
        return lines;
    }

    /** Fails with the first differing line if the two databases' books differ. */
    public static void assertSameBooks(DataSource expected, DataSource actual, String when) throws SQLException {
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<none>";
            String g = i < got.size() ? got.get(i) : "<none>";
            if (!w.equals(g)) {
                fail(when + ": books differ at line " + i + " of " + want.size() + "/" + got.size()
                        + "\n expected " + w + "\n   actual " + g);
            }
        }
    }
}
