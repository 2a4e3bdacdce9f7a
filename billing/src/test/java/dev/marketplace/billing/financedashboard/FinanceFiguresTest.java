package dev.marketplace.billing.financedashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.LedgerWriter;
import dev.marketplace.billing.ledger.Posting;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A purchase, usage, a fee, a refund and a transfer this month: every figure to the micro-dollar. */
class FinanceFiguresTest {

    private static final String CLEARING = AccountCodes.STRIPE_CLEARING;
    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static FinanceFigures figures;

    @BeforeAll
    static void oneMonthOfMoney() throws SQLException {
        figures = new FinanceFigures(database.dataSource());
        String dev = AccountCodes.developerCredit(1);
        String payable = AccountCodes.providerPayable(2);
        post("stripe:checkout:cs_1", "purchase", "cs_1", new Posting(dev, 20_000_000), new Posting(CLEARING, -20_000_000));
        post("gen-1", "usage", null, new Posting(dev, -1_000_000), new Posting(payable, 950_000),
                new Posting(AccountCodes.REVENUE_TAKE, 50_000));
        post("stripe:fee:ch_1", "stripe_fee", "ch_1", new Posting(CLEARING, 610_000),
                new Posting(AccountCodes.STRIPE_FEES, -610_000));
        post("stripe:refund:ch_1:5000000", "refund", "ch_1", new Posting(dev, -5_000_000),
                new Posting(CLEARING, 5_000_000));
        post("payout:st_1", "payout", "tr_1", new Posting(payable, -900_000), new Posting(CLEARING, 900_000));
    }

    @Test
    void positionIsCashAgainstWhatIsOwed() {
        Position p = figures.position();
        assertEquals(20_000_000 - 610_000 - 5_000_000 - 900_000, p.cashAtStripeMicros());
        assertEquals(20_000_000 - 1_000_000 - 5_000_000, p.developerCreditMicros());
        assertEquals(50_000, p.providerPayableMicros());
        assertEquals(50_000, p.takeRevenueMicros());
        assertEquals(610_000, p.stripeFeesMicros());
        assertEquals(13_490_000 - 14_000_000 - 50_000, p.coverMicros());
    }

    @Test
    void monthsAreSumsOfPostingsWithEmptyMonthsAsZero() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<MonthFigures> months = figures.months(now, 3);
        assertEquals(List.of(new MonthFigures(now.minusMonths(2), 0, 0, 0, 0, 0),
                new MonthFigures(now.minusMonths(1), 0, 0, 0, 0, 0),
                new MonthFigures(now, 20_000_000, 5_000_000, 50_000, 610_000, 900_000)), months);
    }

    private static void post(String key, String kind, String ref, Posting... postings) {
        Transactions.inTransaction(database.dataSource(), "posting " + key,
                c -> new LedgerWriter().post(c, new JournalEntry(key, kind, null, ref, List.of(postings))));
    }
}
