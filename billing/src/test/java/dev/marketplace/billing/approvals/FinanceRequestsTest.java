package dev.marketplace.billing.approvals;

import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.audit.FinanceAudit;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FinanceRequestsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private final List<String> audited = new ArrayList<>();
    private final FinanceAudit audit = (c, actor, action, target, reason) -> audited.add(actor + " " + action);
    private final List<String> refunded = new ArrayList<>();
    private final FinanceRequests requests = new FinanceRequests(dataSource(), (pi, cents, key, reason) -> {
        refunded.add(pi + " " + cents + " " + key);
        return "re_" + key;
    });

    private static DataSource dataSource() {
        return dataSource;
    }

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
    }

    @Test
    void aGrantNeedsASecondFinanceUserAndIsPostedOnceWithItsReason() throws SQLException {
        FinanceRequest asked = requests.request(RequestKind.CREDIT_GRANT, 71, 5_000_000, "goodwill after outage",
                "alice", audit);

        assertThrows(FinanceRequestException.class, () -> requests.approve(asked.id(), "alice", audit));
        assertEquals(0, balance(dataSource, AccountCodes.developerCredit(71)));
        FinanceRequest approved = requests.approve(asked.id(), "bob", audit);
        assertThrows(FinanceRequestException.class, () -> requests.approve(asked.id(), "carol", audit));

        assertEquals(List.of("approved", "bob"), List.of(approved.status(), approved.decidedBy()));
        assertEquals(5_000_000, balance(dataSource, AccountCodes.developerCredit(71)));
        assertEquals(2, dev.marketplace.billing.testing.Fixtures.postingCount(dataSource,
                FinanceRequests.journalKey(asked.id())));
        assertEquals(List.of("alice finance_request.requested", "bob finance_request.approved"), audited);
        assertInvariantsOk(dataSource);
    }

    @Test
    void aRequestWithoutAReasonOrAmountIsRefusedAndARejectionChangesNoMoney() throws SQLException {
        assertThrows(FinanceRequestException.class, () -> requests.request(RequestKind.CREDIT_GRANT, 72, 1, " ",
                "alice", audit));
        assertThrows(FinanceRequestException.class, () -> requests.request(RequestKind.CREDIT_GRANT, 72, 0, "why not",
                "alice", audit));
        FinanceRequest asked = requests.request(RequestKind.CREDIT_GRANT, 72, 1_000, "promotion", "alice", audit);
        assertEquals("rejected", requests.reject(asked.id(), "bob", audit).status());
        assertEquals(0, balance(dataSource, AccountCodes.developerCredit(72)));
    }

    @Test
    void aRefundOfUnusedCreditIsAskedOfStripeOnTheLatestCoveringPayment() throws SQLException {
        grant(dataSource, 73, 30_000_000, "r73-grant");
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO stripe_payment (payment_intent_id, developer_id, credited_micros, source,"
                    + " journal_key) VALUES ('pi_old', 73, 20000000, 'checkout', 'k1'), ('pi_small', 73, 1000000,"
                    + " 'checkout', 'k2')");
        }
        assertThrows(FinanceRequestException.class, () -> requests.request(RequestKind.CREDIT_REFUND, 73, 1_234_567,
                "cents only", "alice", audit));
        FinanceRequest asked = requests.request(RequestKind.CREDIT_REFUND, 73, 12_340_000, "closing account",
                "alice", audit);

        FinanceRequest approved = requests.approve(asked.id(), "bob", audit);

        assertEquals(List.of("pi_old 1234 finance-request-" + asked.id()), refunded);
        assertEquals("stripe refund re_finance-request-" + asked.id(), approved.outcome());
        assertEquals(30_000_000, balance(dataSource, AccountCodes.developerCredit(73)),
                "the credit goes back only when Stripe's charge.refunded arrives");
        FinanceRequest tooMuch = requests.request(RequestKind.CREDIT_REFUND, 73, 31_000_000, "too much", "alice", audit);
        assertThrows(FinanceRequestException.class, () -> requests.approve(tooMuch.id(), "bob", audit));
        assertEquals(1, refunded.size());
    }

    @Test
    void badDebtWritesOffANegativeBalanceToItsOwnAccountButNoMore() throws SQLException {
        grant(dataSource, 74, 1_000_000, "b74-grant");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new LedgerWriter().post(c, new JournalEntry("b74-dispute", "dispute_hold", "test", null, List.of(
                    new Posting(AccountCodes.developerCredit(74), -3_000_000), new Posting(AccountCodes.DISPUTES,
                            3_000_000))));
            c.commit();
        }
        FinanceRequest tooMuch = requests.request(RequestKind.BAD_DEBT, 74, 2_000_001, "uncollectable", "alice", audit);
        assertThrows(FinanceRequestException.class, () -> requests.approve(tooMuch.id(), "bob", audit));
        FinanceRequest asked = requests.request(RequestKind.BAD_DEBT, 74, 2_000_000, "uncollectable", "alice", audit);

        requests.approve(asked.id(), "bob", audit);

        assertEquals(0, balance(dataSource, AccountCodes.developerCredit(74)));
        assertEquals(-2_000_000, balance(dataSource, AccountCodes.BAD_DEBT));
        assertTrue(requests.list().stream().anyMatch(r -> r.id() == asked.id() && "approved".equals(r.status())));
        assertInvariantsOk(dataSource);
    }
}
