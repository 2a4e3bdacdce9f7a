package dev.marketplace.billing.testing;

import dev.marketplace.billing.purchases.PaymentEventVerifier;
import dev.marketplace.billing.purchases.ReceivePaymentEvent;
import javax.sql.DataSource;

/** The webhook receiver for tests that hand it verified events directly (signatures are tested elsewhere). */
public final class Receivers {

    private Receivers() {
    }

    public static ReceivePaymentEvent receiver(DataSource dataSource) {
        PaymentEventVerifier unused = (payload, header) -> {
            throw new AssertionError("these tests record verified events");
        };
        return new ReceivePaymentEvent(new BoundedDataSource(dataSource, 10), unused) {
        };
    }

    /** Journals of one developer's credit account. */
    public static long journalsOf(DataSource dataSource, String accountCode) throws java.sql.SQLException {
        return Fixtures.count(dataSource, "SELECT count(DISTINCT journal_id) FROM ledger_posting WHERE account_code = ?",
                accountCode);
    }
}
