package dev.marketplace.systemtests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.ChatApi.Generation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What one successful {@code sim/echo-1} generation must have left in the ledger and the usage records. */
public final class LedgerAssertions {
    public static final String PLATFORM_PROVIDER = "platform:revenue:platform-provider";
    public static final String TAKE = "platform:revenue:take";

    private LedgerAssertions() {
    }

    /**
     * The response's cost is the price of its tokens; the journal keyed by the generation id holds exactly
     * developer −cost, platform provider +share, take +fee (zero amounts omitted); the usage record matches the
     * response; the hold covered the cost (and its row, when it has one, is settled on the developer's account).
     */
    public static void assertChargedExactly(Connection c, long developerId, Generation g) throws SQLException {
        String id = g.id();
        long cost = Pricing.costMicros(g.promptTokens(), g.completionTokens());
        assertEquals(cost, g.costMicros(), () -> id + ": usage.cost is the price of its tokens");
        assertTrue(cost > 0, () -> id + ": a generation with tokens costs something");

        assertEquals("usage", Db.journalKind(c, id).orElse(null), () -> id + ": one usage journal keyed by the generation");
        assertEquals(expectedPostings(developerId, cost), Db.postings(c, id), () -> id + ": postings of cost " + cost);

        Db.Usage usage = Db.usage(c, id).orElseThrow(() -> new AssertionError(id + ": no usage_record"));
        long held = usage.holdMicros();
        assertEquals(new Db.Usage(developerId, Pricing.MODEL, g.promptTokens(), g.completionTokens(), cost,
                held, "ok", g.finishReason(), g.streamed()), usage, () -> id + ": usage_record");
        assertTrue(held >= cost, () -> id + ": hold " + held + " covers cost " + cost);
        // a call held from this node's balance lease has no hold row (its hold is the usage record's hold_micros);
        // a call with a hold of its own (a per-call database hold) finds it settled on the developer's credit
        Db.hold(c, id).ifPresent(hold -> assertEquals(new Db.Hold(Db.creditAccount(developerId), held, "settled"), hold,
                () -> id + ": hold settled on the developer's credit"));
    }

    /**
     * The call's hold is closed with this status: a per-call database hold has a row in that state; a call served from
     * its node's balance lease has no row at all (its hold lived in memory, decision 0019). Either way nothing stays
     * open under the call's id.
     */
    public static void assertHoldClosed(Connection c, String id, String status) throws SQLException {
        Db.hold(c, id).ifPresent(hold -> assertEquals(status, hold.status(), () -> id + ": hold " + status));
    }

    static List<Db.Posting> expectedPostings(long developerId, long cost) {
        List<Db.Posting> expected = new ArrayList<>();
        expected.add(new Db.Posting(Db.creditAccount(developerId), -cost));
        if (Pricing.shareMicros(cost) != 0) {
            expected.add(new Db.Posting(PLATFORM_PROVIDER, Pricing.shareMicros(cost)));
        }
        if (Pricing.feeMicros(cost) != 0) {
            expected.add(new Db.Posting(TAKE, Pricing.feeMicros(cost)));
        }
        expected.sort(Comparator.comparing(Db.Posting::accountCode));
        return expected;
    }

    /**
     * The books as a whole, read in one snapshot by the caller's transaction: all postings sum to zero, every
     * cached balance is the sum of its account's postings and every held amount the sum of its open holds and open
     * balance leases.
     */
    public static void assertBooksBalance(Connection db) throws SQLException {
        assertEquals(0, Db.queryLong(db, "select coalesce(sum(amount_micros), 0) from ledger_posting"),
                "all postings sum to zero");
        assertEquals(List.of(), Db.queryStrings(db, BALANCE_MISMATCHES), "balance_micros = sum of postings");
        assertEquals(List.of(), Db.queryStrings(db, HELD_MISMATCHES), "held_micros = sum of open holds and open leases");
    }

    private static final String BALANCE_MISMATCHES = """
            select coalesce(b.account_code, p.account_code) || ': balance ' || coalesce(b.balance_micros::text, 'missing')
                   || ' but postings sum to ' || coalesce(p.total, 0)
              from account_balance b
              full join (select account_code, sum(amount_micros) as total from ledger_posting group by account_code) p
                on p.account_code = b.account_code
             where b.account_code is null or b.balance_micros <> coalesce(p.total, 0)
             order by 1""";
    private static final String HELD_MISMATCHES = """
            select coalesce(b.account_code, h.account_code) || ': held ' || coalesce(b.held_micros::text, 'missing')
                   || ' but open holds and leases sum to ' || coalesce(h.total, 0)
              from account_balance b
              full join (select account_code, sum(amount) as total
                           from (select account_code, amount_micros as amount from ledger_hold where status = 'open'
                                 union all
                                 select account_code, held_micros from balance_lease where status = 'open') open_holds
                          group by account_code) h
                on h.account_code = b.account_code
             where b.account_code is null or b.held_micros <> coalesce(h.total, 0)
             order by 1""";
}
