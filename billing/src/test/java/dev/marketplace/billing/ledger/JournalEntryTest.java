package dev.marketplace.billing.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalEntryTest {

    private static final List<Posting> BALANCED = List.of(new Posting("a", -5), new Posting("b", 5));

    @Test
    void acceptsBalancedAndCopiesPostings() {
        List<Posting> postings = new ArrayList<>(BALANCED);
        JournalEntry entry = new JournalEntry("k1", "grant", null, null, postings);
        postings.add(new Posting("c", 1));
        assertEquals(2, entry.postings().size());
        assertThrows(UnsupportedOperationException.class, () -> entry.postings().add(new Posting("c", 1)));
    }

    @Test
    void rejectsUnbalanced() {
        assertThrows(IllegalArgumentException.class, () -> new JournalEntry("k", "usage", null, null,
                List.of(new Posting("a", -5), new Posting("b", 4))));
        assertThrows(IllegalArgumentException.class, () -> new JournalEntry("k", "usage", null, null,
                List.of(new Posting("a", -5), new Posting("b", 3), new Posting("c", 1))));
    }

    @Test
    void rejectsFewerThanTwoPostings() {
        assertThrows(IllegalArgumentException.class, () -> new JournalEntry("k", "usage", null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new JournalEntry("k", "usage", null, null,
                List.of(new Posting("a", 1))));
        assertThrows(NullPointerException.class, () -> new JournalEntry("k", "usage", null, null, null));
    }

    @Test
    void sumOverflowThrowsInsteadOfWrapping() {
        // MAX + MAX + 2 wraps to 0 in long arithmetic
        assertThrows(ArithmeticException.class, () -> new JournalEntry("k", "usage", null, null, List.of(
                new Posting("a", Long.MAX_VALUE), new Posting("b", Long.MAX_VALUE), new Posting("c", 2))));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL, usage", "'', usage", "' ', usage", "k, NULL", "k, ''", "k, '  '"}, nullValues = "NULL")
    void rejectsBlankKeyOrKind(String key, String kind) {
        assertThrows(IllegalArgumentException.class, () -> new JournalEntry(key, kind, null, null, BALANCED));
    }

    @Test
    void postingRejectsZeroAndBlankAccount() {
        assertThrows(IllegalArgumentException.class, () -> new Posting("a", 0));
        assertThrows(IllegalArgumentException.class, () -> new Posting(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> new Posting(null, 1));
    }

    @Test
    void accountCodes() {
        assertEquals("developer:42:credit", AccountCodes.developerCredit(42));
        assertEquals("provider:7:payable", AccountCodes.providerPayable(7));
        assertThrows(IllegalArgumentException.class, () -> AccountCodes.developerCredit(0));
    }
}
