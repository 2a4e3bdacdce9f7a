package dev.marketplace.billing.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classification table of the matcher, boundaries included. */
class MatcherTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    private final Matcher matcher = new Matcher(START, END);

    private static Entry e(String key, long micros, String at) {
        return new Entry(Component.CHARGE, key, micros, Instant.parse(at), "ref-" + key);
    }

    private List<Found> match(List<Entry> stripe, List<Entry> ledger) {
        return matcher.match(Matcher.Sides.STRIPE_LEDGER, stripe, ledger);
    }

    @Test
    void equalAmountsInsideThePeriodMatch() {
        assertTrue(match(List.of(e("pi_1", 100, "2026-10-05T00:00:00Z")),
                List.of(e("pi_1", 100, "2026-10-05T00:00:01Z"))).isEmpty());
    }

    @Test
    void theEndInstantBelongsToTheNextPeriod() {
        List<Found> found = match(List.of(e("pi_1", 100, "2026-10-31T23:59:59Z")),
                List.of(e("pi_1", 100, "2026-11-01T00:00:00Z")));
        assertEquals(1, found.size());
        assertEquals(DifferenceClass.TIMING, found.get(0).differenceClass());
        assertEquals(100, found.get(0).stripeMicros());
        assertEquals(0, found.get(0).ledgerMicros());
    }

    @Test
    void theStartInstantBelongsToThePeriod() {
        assertTrue(match(List.of(e("pi_1", 100, "2026-10-01T00:00:00Z")),
                List.of(e("pi_1", 100, "2026-10-01T00:00:00Z"))).isEmpty());
    }

    @Test
    void bothHalvesOutsideThePeriodAreAnotherPeriodsBusiness() {
        assertTrue(match(List.of(e("pi_1", 100, "2026-09-30T00:00:00Z")), List.of()).isEmpty());
        assertTrue(match(List.of(), List.of(e("pi_1", 100, "2026-11-01T00:00:00Z"))).isEmpty());
    }

    @Test
    void eachClassOfMissingAndDiffering() {
        List<Found> found = match(
                List.of(e("pi_only_stripe", 100, "2026-10-02T00:00:00Z"), e("pi_both", 100, "2026-10-02T00:00:00Z")),
                List.of(e("cs_only_ledger", 70, "2026-10-02T00:00:00Z"), e("pi_both", 99, "2026-10-02T00:00:00Z")));
        assertEquals(List.of("cs_only_ledger:MISSING_AT_STRIPE", "pi_both:AMOUNT_DIFFERS",
                "pi_only_stripe:MISSING_IN_LEDGER"), found.stream()
                .map(f -> f.joinKey() + ":" + f.differenceClass()).toList());
    }

    @Test
    void usageSidesNameTheirOwnClasses() {
        Instant at = Instant.parse("2026-10-02T00:00:00Z");
        List<Found> found = matcher.match(Matcher.Sides.USAGE_LEDGER,
                List.of(new Entry(Component.USAGE, "gen-a", 5, at, "gen-a", "developer:1:credit")),
                List.of(new Entry(Component.USAGE, "gen-b", 7, at, "gen-b")));
        assertEquals(List.of("gen-a:USAGE_WITHOUT_JOURNAL:5", "gen-b:JOURNAL_WITHOUT_USAGE:0"), found.stream()
                .map(f -> f.joinKey() + ":" + f.differenceClass() + ":" + f.usageMicros()).toList());
        assertEquals("developer:1:credit", found.get(0).hintAccount());
    }

    @Test
    void aChargeSplitsIntoGrossByPaymentIntentAndFeeByCharge() {
        List<Entry> entries = StripeEntries.of(new BalanceLine("txn_1", "charge", "ch_1", "pi_1", 1_000, 59,
                START));
        assertEquals(List.of("CHARGE pi_1 10000000", "FEE ch_1 -590000"), entries.stream()
                .map(x -> x.component() + " " + x.joinKey() + " " + x.amountMicros()).toList());
    }

    @Test
    void disputeRefundAndTransferLinesAreKeyedByWhatTheJournalsKeep() {
        assertEquals("DISPUTE dp_1 -16500000", one(new BalanceLine("txn_2", "adjustment", "dp_1", null, -150, 1_500,
                START)));
        assertEquals("REFUND ch_1 -1000000", one(new BalanceLine("txn_3", "refund", "re_1", "ch_1", -100, 0, START)));
        assertEquals("TRANSFER tr_1 2000000", one(new BalanceLine("txn_4", "transfer_reversal", "trr_1", "tr_1", 200,
                0, START)));
        assertEquals("OTHER txn_5 -5000000", one(new BalanceLine("txn_5", "payout", "po_1", null, -500, 0, START)));
    }

    private static String one(BalanceLine line) {
        List<Entry> entries = StripeEntries.of(line);
        assertEquals(1, entries.size());
        Entry x = entries.get(0);
        return x.component() + " " + x.joinKey() + " " + x.amountMicros();
    }
}
