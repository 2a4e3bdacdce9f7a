package dev.marketplace.billing.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PurchaseBookTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private final PurchaseBook book = new PurchaseBook();

    @Test
    void openThenPaid() throws SQLException {
        try (Connection c = database.connect()) {
            book.insertOpen(c, "cs_1", 301, 1_000, 59);
            assertEquals("open", book.find(c, 301, "cs_1").orElseThrow().status());
            book.markPaid(c, new PaidPurchase("cs_1", 301, 1_000, 59, "pi_1"));
            PurchaseRecord paid = book.find(c, 301, "cs_1").orElseThrow();
            assertEquals("paid", paid.status());
            assertEquals(1_059, paid.totalCents());
            assertEquals("pi_1", paid.paymentIntentId());
        }
    }

    @Test
    void aPaymentReportedBeforeTheSessionWasRecordedStaysPaid() throws SQLException {
        try (Connection c = database.connect()) {
            book.markPaid(c, new PaidPurchase("cs_2", 302, 500, 0, "pi_2"));
            book.insertOpen(c, "cs_2", 302, 500, 0);
            assertEquals("paid", book.find(c, 302, "cs_2").orElseThrow().status());
            assertEquals(1, book.count(c, 302));
            assertTrue(book.find(c, 303, "cs_2").isEmpty(), "another developer does not see it");
        }
    }
}
