package dev.marketplace.systemtests.support;

import java.sql.Connection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every system-test class, whatever it did: the ledger still balances and its caches agree with its rows
 * (registered for all classes through JUnit's extension auto-detection, see junit-platform.properties).
 */
public class BooksBalanceCheck implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (System.getProperty("market.dbUrl", "").isBlank()) {
            return; // no database to look at (e.g. a run against a remote stack without -Dmarket.dbUrl)
        }
        try (Connection db = Db.connect()) {
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setAutoCommit(false);
            db.setReadOnly(true);
            try {
                LedgerAssertions.assertBooksBalance(db);
            } finally {
                db.rollback();
            }
        }
    }
}
