package dev.marketplace.billing.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketplace.billing.ledger.JournalEntry;
import dev.marketplace.billing.ledger.Posting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The correcting journals move exactly the difference, to the micro-dollar, in the right direction. */
class CorrectionsTest {

    private static Difference d(DifferenceClass cls, Component component, long stripe, long ledger, long usage,
                                String hint) {
        return new Difference(42, 1, cls, component, "key_1", stripe, ledger, usage, "", "", hint,
                DifferenceStatus.OPEN, null, null, null, null);
    }

    @Test
    void cashMissingInTheLedgerComesInOnClearingAndGoesToTheChosenAccount() {
        JournalEntry j = Corrections.journal(d(DifferenceClass.MISSING_IN_LEDGER, Component.CHARGE, 12_340_000, 0, 0,
                null), "developer:7:credit", "lost webhook");
        assertEquals("recon:correction:42", j.idempotencyKey());
        assertEquals("recon_charge", j.kind());
        assertEquals("key_1", j.externalRef());
        assertEquals(List.of(new Posting("platform:stripe:clearing", -12_340_000),
                new Posting("developer:7:credit", 12_340_000)), j.postings());
    }

    @Test
    void aFeeBookedTooLowIsRaisedByOneMicroDollarPrecision() {
        Difference fee = d(DifferenceClass.AMOUNT_DIFFERS, Component.FEE, -590_001, -10_000, 0, null);
        assertEquals("platform:stripe:fees", Corrections.defaultCounterAccount(fee));
        assertEquals(List.of(new Posting("platform:stripe:clearing", 580_001),
                new Posting("platform:stripe:fees", -580_001)), Corrections.journal(fee,
                Corrections.defaultCounterAccount(fee), "wrong report").postings());
    }

    @Test
    void usageWithoutJournalChargesTheDeveloperIntoSuspense() {
        Difference usage = d(DifferenceClass.USAGE_WITHOUT_JOURNAL, Component.USAGE, 0, 0, 4_242, "developer:3:credit");
        assertEquals("developer:3:credit", Corrections.defaultCounterAccount(usage));
        assertEquals(List.of(new Posting("developer:3:credit", -4_242), new Posting(Corrections.SUSPENSE, 4_242)),
                Corrections.journal(usage, "developer:3:credit", "lost charge").postings());
    }

    @Test
    void nothingToMoveOrNoAccountIsRefused() {
        assertThrows(ReconciliationException.class, () -> Corrections.journal(d(DifferenceClass.TIMING,
                Component.CHARGE, 5, 5, 0, null), "platform:recon:suspense", "x"));
        assertThrows(ReconciliationException.class, () -> Corrections.journal(d(DifferenceClass.AMOUNT_DIFFERS,
                Component.CHARGE, 5, 4, 0, null), "developer:0:credit; drop table", "x"));
        assertThrows(ReconciliationException.class, () -> Corrections.journal(d(DifferenceClass.AMOUNT_DIFFERS,
                Component.CHARGE, 5, 4, 0, null), "platform:stripe:clearing", "x"));
    }
}
