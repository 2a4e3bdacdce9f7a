package dev.marketplace.billing.charges;

import static dev.marketplace.billing.testing.Fixtures.available;
import static dev.marketplace.billing.testing.Fixtures.assertInvariantsOk;
import static dev.marketplace.billing.testing.Fixtures.balance;
import static dev.marketplace.billing.testing.Fixtures.count;
import static dev.marketplace.billing.testing.Fixtures.grant;
import static dev.marketplace.billing.testing.Fixtures.held;
import static dev.marketplace.billing.testing.Fixtures.holdStatus;
import static dev.marketplace.billing.testing.Fixtures.placeHold;
import static dev.marketplace.billing.testing.Fixtures.postingCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.holds.HoldStore;
import dev.marketplace.billing.ledger.AccountCodes;
import dev.marketplace.billing.money.FeeSplit;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChargeWriterTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource dataSource;
    private final ChargeWriter charges = new ChargeWriter();
    private final HoldStore holds = new HoldStore();

    @BeforeAll
    static void createDatabase() throws SQLException {
        dataSource = database.dataSource();
    }

    @Test
    void settleAfterHoldMovesExactAmountsAndFreesTheHold() throws SQLException {
        String developer = AccountCodes.developerCredit(10);
        String payee = AccountCodes.providerPayable(110);
        String fee = "t10:" + AccountCodes.REVENUE_TAKE;
        grant(dataSource, 10, 5_000_000, "c10-grant");
        placeHold(dataSource, "c10-hold", developer, 2_000_000);
        assertEquals(3_000_000, available(dataSource, developer));

        FeeSplit split = settle(new UsageCharge("c10-usage", "c10-hold", 10, payee, fee, 1_234_567, 500));

        assertEquals(new FeeSplit(1_234_567, 61_728, 1_172_839), split); // 61728.35 -> 61728
        assertEquals(5_000_000 - 1_234_567, balance(dataSource, developer));
        assertEquals(1_172_839, balance(dataSource, payee));
        assertEquals(61_728, balance(dataSource, fee));
        assertEquals(0, held(dataSource, developer));
        assertEquals(5_000_000 - 1_234_567, available(dataSource, developer));
        assertEquals("settled", holdStatus(dataSource, "c10-hold"));
        assertEquals(3, count(dataSource, "SELECT count(*) FROM ledger_posting p JOIN ledger_journal j"
                + " ON j.id = p.journal_id WHERE j.idempotency_key = ? AND j.kind = 'usage'", "c10-usage"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void settlingTwiceWithTheSameKeyChargesOnceAndReleasesOnce() throws SQLException {
        String developer = AccountCodes.developerCredit(11);
        String payee = AccountCodes.providerPayable(111);
        String fee = "t11:fee";
        grant(dataSource, 11, 3_000_000, "c11-grant");
        placeHold(dataSource, "c11-hold-a", developer, 1_000_000);
        placeHold(dataSource, "c11-hold-b", developer, 1_500_000);
        UsageCharge charge = new UsageCharge("c11-usage", "c11-hold-a", 11, payee, fee, 999_999, 1_000);

        settle(charge);
        FeeSplit again = settle(charge);
        // a replay naming another open hold is still a replay: it must not settle that hold either
        settle(new UsageCharge("c11-usage", "c11-hold-b", 11, payee, fee, 999_999, 1_000));

        assertEquals(new FeeSplit(999_999, 100_000, 899_999), again); // 99999.9 -> 100000
        assertEquals(1, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?",
                "c11-usage"));
        assertEquals(3_000_000 - 999_999, balance(dataSource, developer));
        assertEquals(899_999, balance(dataSource, payee));
        assertEquals(100_000, balance(dataSource, fee));
        // hold b stays reserved: the repeated settle did not release anything else
        assertEquals(1_500_000, held(dataSource, developer));
        assertEquals("open", holdStatus(dataSource, "c11-hold-b"));
        assertEquals(3_000_000 - 999_999 - 1_500_000, available(dataSource, developer));
        assertInvariantsOk(dataSource);
    }

    @Test
    void grossAboveTheHoldIsRejectedAndChangesNothing() throws SQLException {
        String developer = AccountCodes.developerCredit(12);
        grant(dataSource, 12, 1_000_000, "c12-grant");
        placeHold(dataSource, "c12-hold", developer, 100_000);

        assertThrows(IllegalStateException.class, () -> settle(new UsageCharge("c12-usage", "c12-hold", 12,
                "t12:payee", "t12:fee", 100_001, 500)));

        assertEquals(0, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?",
                "c12-usage"));
        assertEquals(1_000_000, balance(dataSource, developer));
        assertEquals(100_000, held(dataSource, developer));
        assertEquals("open", holdStatus(dataSource, "c12-hold"));
    }

    @Test
    void holdOfAnotherDeveloperOrUnknownHoldIsRejected() throws SQLException {
        grant(dataSource, 13, 1_000_000, "c13-grant");
        placeHold(dataSource, "c13-hold", AccountCodes.developerCredit(13), 100_000);
        assertThrows(IllegalStateException.class, () -> settle(new UsageCharge("c13-usage", "c13-hold", 14,
                "t13:payee", "t13:fee", 1, 500)));
        assertThrows(IllegalStateException.class, () -> settle(new UsageCharge("c13-usage", "no-such-hold", 13,
                "t13:payee", "t13:fee", 1, 500)));
        assertEquals(1_000_000, balance(dataSource, AccountCodes.developerCredit(13)));
    }

    @Test
    void zeroGrossPostsNothingButSettlesTheHold() throws SQLException {
        String developer = AccountCodes.developerCredit(15);
        grant(dataSource, 15, 700_000, "c15-grant");
        placeHold(dataSource, "c15-hold", developer, 300_000);

        settle(new UsageCharge("c15-usage", "c15-hold", 15, "t15:payee", "t15:fee", 0, 500));

        assertEquals(0, count(dataSource, "SELECT count(*) FROM ledger_journal WHERE idempotency_key = ?",
                "c15-usage"));
        assertEquals("settled", holdStatus(dataSource, "c15-hold"));
        assertEquals(0, held(dataSource, developer));
        assertEquals(700_000, balance(dataSource, developer));
    }

    @Test
    void zeroFeeOrZeroShareOmitsThePosting() throws SQLException {
        grant(dataSource, 16, 1_000, "c16-grant");
        settle(new UsageCharge("c16-no-fee", null, 16, "t16:payee", "t16:fee", 19, 0));
        settle(new UsageCharge("c16-all-fee", null, 16, "t16:payee", "t16:fee", 21, 10_000));
        settle(new UsageCharge("c16-rounds-to-zero", null, 16, "t16:payee", "t16:fee", 9, 500)); // 0.45 -> 0

        assertEquals(2, postingCount(dataSource, "c16-no-fee"));
        assertEquals(2, postingCount(dataSource, "c16-all-fee"));
        assertEquals(2, postingCount(dataSource, "c16-rounds-to-zero"));
        assertEquals(1_000 - 19 - 21 - 9, balance(dataSource, AccountCodes.developerCredit(16)));
        assertEquals(19 + 9, balance(dataSource, "t16:payee"));
        assertEquals(21, balance(dataSource, "t16:fee"));
        assertInvariantsOk(dataSource);
    }

    @Test
    void settleWithoutHoldMayOverdrawAndStillBalances() throws SQLException {
        settle(new UsageCharge("c17-usage", null, 17, "t17:payee", "t17:fee", 10, 500));
        assertEquals(-10, balance(dataSource, AccountCodes.developerCredit(17)));
        assertEquals(9, balance(dataSource, "t17:payee"));
        assertEquals(1, balance(dataSource, "t17:fee"));
    }

    @Test
    void settleAfterReleaseStillChargesButReleasesNothingTwice() throws SQLException {
        String developer = AccountCodes.developerCredit(18);
        grant(dataSource, 18, 1_000_000, "c18-grant");
        placeHold(dataSource, "c18-hold", developer, 400_000);
        placeHold(dataSource, "c18-other", developer, 100_000);
        try (Connection c = dataSource.getConnection()) {
            assertTrue(holds.release(c, "c18-hold"));
        }
        settle(new UsageCharge("c18-usage", "c18-hold", 18, "t18:payee", "t18:fee", 300_000, 500));

        assertEquals("released", holdStatus(dataSource, "c18-hold"));
        assertEquals(100_000, held(dataSource, developer));
        assertEquals(700_000, balance(dataSource, developer));
        assertInvariantsOk(dataSource);
    }

    @Test
    void chargesBeanSettlesInItsOwnTransactionAndRollsBackOnRejection() throws SQLException {
        String developer = AccountCodes.developerCredit(19);
        grant(dataSource, 19, 2_000_000, "c19-grant");
        placeHold(dataSource, "c19-hold", developer, 1_000_000);
        Charges bean = new Charges(dataSource);

        assertThrows(IllegalStateException.class, () -> bean.settle(new UsageCharge("c19-usage", "c19-hold", 19,
                "t19:payee", "t19:fee", 1_000_001, 500)));
        assertEquals(new FeeSplit(1_000_000, 50_000, 950_000), bean.settle(new UsageCharge("c19-usage",
                "c19-hold", 19, "t19:payee", "t19:fee", 1_000_000, 500)));

        assertEquals(1_000_000, balance(dataSource, developer));
        assertEquals(950_000, balance(dataSource, "t19:payee"));
        assertEquals(50_000, balance(dataSource, "t19:fee"));
        assertEquals(0, held(dataSource, developer));
        assertInvariantsOk(dataSource);
    }

    private FeeSplit settle(UsageCharge charge) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                FeeSplit split = charges.settle(c, charge);
                c.commit();
                return split;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
