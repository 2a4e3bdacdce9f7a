package dev.marketplace.billing.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.jdbc.Transactions;
import dev.marketplace.billing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * October 2026 on a fresh database, hand-built: journals (dated by SQL), usage lines and Stripe balance transactions
 * with one case of every class, then resolution, close, immutability and the carried timing in November. The steps
 * build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationTest {

    private static final String CLEARING = "platform:stripe:clearing";
    private static final String DEV = "developer:1:credit";
    @RegisterExtension
    static final TestDatabase database = TestDatabase.perClass();
    private static DataSource data;
    private static final List<BalanceLine> stripeLines = new ArrayList<>();
    private static final List<UsageLine> usageLines = new ArrayList<>();
    private static final List<String> audited = new ArrayList<>();
    private static Reconciliation recon;
    private static Period october;
    private static Period november;

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @BeforeAll
    static void octoberWithOneOfEachDifference() throws SQLException {
        data = database.dataSource();
        BalanceTransactions stripe = (from, to, sink) -> {
            stripeLines.stream().filter(l -> !l.created().isBefore(from) && l.created().isBefore(to)).forEach(sink);
            return 1;
        };
        MeteredUsage usage = (from, to, sink) -> usageLines.stream()
                .filter(u -> !u.at().isBefore(from) && u.at().isBefore(to)).forEach(sink);
        recon = new Reconciliation(data, stripe, usage,
                (c, actor, action, target, reason) -> audited.add(actor + " " + action + " " + target));
        october = recon.openMonth(YearMonth.of(2026, 10), "finance");
        november = recon.openMonth(YearMonth.of(2026, 11), "finance");

        // matches: a purchase (session journal, found by its payment intent), its fee, a refund, a lost dispute
        purchase("cs_ok", "pi_ok", 2_000, at("2026-10-03T10:00:00Z"));
        stripeLines.add(new BalanceLine("txn_ok", "charge", "ch_ok", "pi_ok", 2_000, 88, at("2026-10-03T09:59:59Z")));
        journal("stripe:refund:ch_ok:5000000", "refund", "ch_ok", at("2026-10-04T00:00:00Z"),
                Map.of(DEV, -5_000_000L, CLEARING, 5_000_000L));
        stripeLines.add(new BalanceLine("txn_re", "refund", "re_1", "ch_ok", -500, 0, at("2026-10-04T00:00:00Z")));
        journal("stripe:dispute:dp_1:lost", "dispute_lost", "dp_1", at("2026-10-06T00:00:00Z"),
                Map.of("platform:disputes", -3_000_000L, CLEARING, 18_000_000L, "platform:disputes:fees", -15_000_000L));
        stripeLines.add(new BalanceLine("txn_dp", "adjustment", "dp_1", null, -300, 1_500, at("2026-10-05T00:00:00Z")));
        // 1. a charge with no credit
        stripeLines.add(new BalanceLine("txn_lost", "charge", "ch_lost", "pi_lost", 1_000, 59,
                at("2026-10-07T00:00:00Z")));
        // 2. a credit with no charge
        journal("stripe:checkout:cs_ghost", "purchase", "cs_ghost", at("2026-10-08T00:00:00Z"),
                Map.of(DEV, 7_000_000L, CLEARING, -7_000_000L));
        // 3. a fee booked with another amount than Stripe took
        purchase("cs_fee", "pi_fee", 1_000, at("2026-10-09T00:00:00Z"));
        stripeLines.add(new BalanceLine("txn_fee", "charge", "ch_fee", "pi_fee", 1_000, 59, at("2026-10-09T00:00:00Z")));
        Transactions.inTransaction(data, "booking a wrong fee",
                c -> new StripeFees().book(c, "ch_fee", "txn_fee", 600_000, at("2026-10-09T00:00:00Z")));
        // 4. a charge on 31 October credited on 1 November
        stripeLines.add(new BalanceLine("txn_late", "charge", "ch_late", "pi_late", 3_000, 117,
                at("2026-10-31T23:59:59Z")));
        purchase("cs_late", "pi_late", 3_000, at("2026-11-01T00:00:01Z"));
        // usage: one matched, one without journal, one journal without usage, one with another amount
        usage("gen-ok", 1_234, at("2026-10-10T00:00:00Z"), true);
        usage("gen-nojournal", 4_321, at("2026-10-10T00:00:00Z"), false);
        journal("gen-nousage", "usage", null, at("2026-10-10T00:00:00Z"),
                Map.of(DEV, -999L, "provider:7:payable", 949L, "platform:revenue:take", 50L));
        usageLines.add(new UsageLine("gen-amount", 1, 2_000, at("2026-10-11T00:00:00Z")));
        journal("gen-amount", "usage", null, at("2026-10-11T00:00:00Z"),
                Map.of(DEV, -1_999L, "provider:7:payable", 1_899L, "platform:revenue:take", 100L));
    }

    @Test
    @Order(1)
    void everyDifferenceIsFoundAndClassifiedWithBothSides() {
        RunSummary run = recon.run(october.id(), "finance", progress());
        assertEquals(Map.of(
                "missing_in_ledger charge pi_lost", "stripe 10000000 ledger 0",
                "missing_at_stripe charge cs_ghost", "stripe 0 ledger 7000000",
                "amount_differs fee ch_fee", "stripe -590000 ledger -600000",
                "timing charge pi_late", "stripe 30000000 ledger 0",
                "usage_without_journal usage gen-nojournal", "usage 4321 ledger 0",
                "journal_without_usage usage gen-nousage", "usage 0 ledger 999",
                "amount_differs usage gen-amount", "usage 2000 ledger 1999"), differences(october.id()),
                "the fee of the lost charge is booked from Stripe, so it matches: the charge itself is what is missing");
        assertEquals(7, run.unexplained());
        assertEquals(3, run.feesBooked(), "ok, lost, late: the fee of ch_fee was booked before");
        Difference timing = find(october.id(), "pi_late");
        assertEquals("txn_late", timing.stripeRefs());
    }

    @Test
    @Order(2)
    void aRerunIsIdempotent() throws SQLException {
        long rowsBefore = count("SELECT count(*) FROM recon_difference");
        long journalsBefore = count("SELECT count(*) FROM ledger_journal");
        RunSummary again = recon.run(october.id(), "finance", progress());
        assertEquals(rowsBefore, count("SELECT count(*) FROM recon_difference"));
        assertEquals(journalsBefore, count("SELECT count(*) FROM ledger_journal"), "fees are booked once");
        assertEquals(7, again.unexplained());
        assertEquals(0, again.feesBooked());
    }

    @Test
    @Order(3)
    void theOpenPeriodCannotCloseWithUnexplainedDifferences() {
        ReconciliationException refused = assertThrows(ReconciliationException.class,
                () -> recon.close(october.id(), "finance"));
        assertTrue(refused.getMessage().contains("7 unexplained"), refused.getMessage());
        assertThrows(SQLException.class, () -> execute("UPDATE recon_period SET status = 'closed', closed_at = now()"
                + " WHERE id = " + october.id()), "the database refuses it too");
    }

    @Test
    @Order(4)
    void correctionsAndTimingResolveEveryDifference() throws SQLException {
        long clearingBefore = sum(CLEARING);
        recon.correct(find(october.id(), "pi_lost").id(), DEV, "webhook lost; credited by hand", "finance");
        recon.correct(find(october.id(), "cs_ghost").id(), DEV, "credited without a payment", "finance");
        recon.correct(find(october.id(), "ch_fee").id(), null, "fee booked from a wrong report", "finance");
        recon.markTiming(find(october.id(), "pi_late").id(), "paid on the 31st, credited on the 1st", "finance");
        recon.correct(find(october.id(), "gen-nojournal").id(), null, "charge lost", "finance");
        recon.correct(find(october.id(), "gen-nousage").id(), DEV, "journal without usage record", "finance");
        recon.correct(find(october.id(), "gen-amount").id(), null, "one micro short", "finance");
        assertEquals(clearingBefore - 10_000_000 + 7_000_000 - 10_000, sum(CLEARING),
                "clearing follows Stripe: +$10 cash in, -$7 never received, fee 1 cent less");
        assertThrows(ReconciliationException.class, () -> recon.correct(find(october.id(), "pi_lost").id(), DEV,
                "again", "finance"), "a difference is corrected once");
        assertThrows(ReconciliationException.class, () -> recon.correct(find(october.id(), "gen-ok-none").id(),
                DEV, "x", "finance"));

        RunSummary rerun = recon.run(october.id(), "finance", progress());
        assertEquals(0, rerun.unexplained());
        assertEquals(0, recon.unexplained(october.id()));
        assertEquals(DifferenceStatus.CORRECTED, find(october.id(), "pi_lost").status());
        assertTrue(audited.contains("finance recon.correct difference:" + find(october.id(), "pi_lost").id()));
    }

    @Test
    @Order(5)
    void aClosedPeriodIsImmutable() throws SQLException {
        Period closed = recon.close(october.id(), "finance");
        assertTrue(closed.closed());
        assertThrows(SQLException.class, () -> journal("late:backdated", "grant", null, at("2026-10-20T00:00:00Z"),
                Map.of(DEV, 1L, "platform:promotions", -1L)), "no journal dated inside a closed period");
        execute("INSERT INTO ledger_account (code) VALUES ('" + DEV + "'), ('platform:promotions') ON CONFLICT DO NOTHING");
        SQLException backdatedPosting = assertThrows(SQLException.class, () -> execute("WITH j AS (INSERT INTO"
                + " ledger_journal (idempotency_key, kind) VALUES ('late:posting', 'grant') RETURNING id) INSERT INTO"
                + " ledger_posting (journal_id, account_code, amount_micros, created_at) SELECT id, '" + DEV + "', 1,"
                + " '2026-10-20T00:00:00Z' FROM j UNION ALL SELECT id, 'platform:promotions', -1, now() FROM j"));
        assertTrue(backdatedPosting.getMessage().contains("closed reconciliation period"), backdatedPosting.getMessage());
        SQLException backdatedJournal = assertThrows(SQLException.class, () -> execute("WITH j AS (INSERT INTO"
                + " ledger_journal (idempotency_key, kind, created_at) VALUES ('late:journal', 'grant', '2026-10-20T00:00:00Z')"
                + " RETURNING id) INSERT INTO ledger_posting (journal_id, account_code, amount_micros) SELECT id, '" + DEV
                + "', 1 FROM j UNION ALL SELECT id, 'platform:promotions', -1 FROM j")); // postings dated now
        assertTrue(backdatedJournal.getMessage().contains("ledger_journal dated"), backdatedJournal.getMessage());
        assertThrows(SQLException.class, () -> execute("INSERT INTO ledger_journal (idempotency_key, kind, created_at)"
                + " VALUES ('late:alone', 'grant', '2026-10-20T00:00:00Z')"), "a journal without postings never commits");
        assertThrows(SQLException.class, () -> execute("UPDATE recon_difference SET reason = 'x' WHERE period_id = "
                + october.id()));
        assertThrows(SQLException.class, () -> execute("DELETE FROM recon_difference WHERE period_id = "
                + october.id()));
        assertThrows(SQLException.class, () -> execute("UPDATE recon_period SET status = 'open', closed_at = null"
                + " WHERE id = " + october.id()));
        assertThrows(ReconciliationException.class, () -> recon.run(october.id(), "finance", progress()));
    }

    @Test
    @Order(6)
    void theCarriedTimingIsExplainedInTheNextPeriodAndLaterCorrectionsLandThere() throws SQLException {
        RunSummary run = recon.run(november.id(), "finance", progress());
        Difference carried = find(november.id(), "pi_late");
        assertEquals(DifferenceClass.TIMING, carried.differenceClass());
        assertEquals(DifferenceStatus.CARRIED, carried.status());
        assertEquals(0, run.unexplained());
        journal("stripe:checkout:cs_nov", "purchase", "cs_nov", Instant.now(), Map.of(DEV, 1_000_000L,
                CLEARING, -1_000_000L));
        assertEquals(1, recon.run(november.id(), "finance", progress()).unexplained(),
                "a journal of today lands in the open period");
        assertThrows(ReconciliationException.class, () -> recon.close(november.id(), "finance"));
    }

    // ---- helpers

    private static Consumer<String> progress() {
        return step -> { };
    }

    private static Map<String, String> differences(long periodId) {
        Map<String, String> out = new TreeMap<>();
        for (Difference d : recon.differences(periodId)) {
            String other = d.component() == Component.USAGE ? "usage " + d.usageMicros() : "stripe " + d.stripeMicros();
            out.put(d.differenceClass().dbValue() + " " + d.component().dbValue() + " " + d.joinKey(),
                    other + " ledger " + d.ledgerMicros());
        }
        return out;
    }

    private static Difference find(long periodId, String key) {
        return recon.differences(periodId).stream().filter(d -> d.joinKey().equals(key)).findFirst()
                .orElseGet(() -> new Difference(-1, periodId, DifferenceClass.TIMING, Component.OTHER, key, 0, 0, 0,
                        "", "", null, DifferenceStatus.OPEN, null, null, null, null));
    }

    private static void purchase(String session, String paymentIntent, long cents, Instant when) throws SQLException {
        String key = "stripe:checkout:" + session;
        journal(key, "purchase", session, when, Map.of(DEV, cents * 10_000, CLEARING, -cents * 10_000));
        execute("INSERT INTO stripe_payment (payment_intent_id, developer_id, credited_micros, source, journal_key)"
                + " VALUES ('" + paymentIntent + "', 1, " + cents * 10_000 + ", 'checkout', '" + key + "')");
    }

    private static void usage(String id, long micros, Instant when, boolean withJournal) throws SQLException {
        usageLines.add(new UsageLine(id, 1, micros, when));
        if (withJournal) {
            long fee = micros / 20;
            journal(id, "usage", null, when, Map.of(DEV, -micros, "provider:7:payable", micros - fee,
                    "platform:revenue:take", fee));
        }
    }

    /** A journal dated {@code when}, written by SQL (the application always dates journals now()). */
    private static void journal(String key, String kind, String ref, Instant when, Map<String, Long> postings)
            throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_journal (idempotency_key, kind,"
                        + " external_ref, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                    s.setString(1, key);
                    s.setString(2, kind);
                    s.setString(3, ref);
                    s.setTimestamp(4, Timestamp.from(when));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        id = r.getLong(1);
                    }
                }
                for (Map.Entry<String, Long> p : postings.entrySet()) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_account (code) VALUES (?)"
                            + " ON CONFLICT DO NOTHING")) {
                        s.setString(1, p.getKey());
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger_posting (journal_id,"
                            + " account_code, amount_micros, created_at) VALUES (?, ?, ?, ?)")) {
                        s.setLong(1, id);
                        s.setString(2, p.getKey());
                        s.setLong(3, p.getValue());
                        s.setTimestamp(4, Timestamp.from(when));
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long sum(String account) throws SQLException {
        return count("SELECT COALESCE(sum(amount_micros), 0) FROM ledger_posting WHERE account_code = '" + account
                + "'");
    }
}
