package dev.marketplace.systemtests.cluster;

import static dev.marketplace.systemtests.cluster.FixedCostCalls.COST_MICROS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.cluster.FixedCostCalls.Outcome;
import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.StubUpstreams;
import dev.marketplace.systemtests.support.TestTarget;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A key's limit, or a developer's credit, that covers exactly N fixed-cost calls, hit by 200 parallel calls: exactly
 * N are served and charged, the rest refused with 402, on one node and with calls taking turns between two nodes on
 * one database. The credit is large enough for both nodes to lease from it, so the last calls also prove that credit
 * parked in one node's lease is given back when the other would refuse. Keys with a limit are served from per-node
 * key leases (decision 0018): the same exactness, and no database hold per call.
 */
class ClusterSpendIT {
    static final int CALLS = 200;
    static final int THREADS = 40;
    static final int N = 61;
    private static StubUpstreams stubs;

    @BeforeAll
    static void startStubs() throws Exception {
        stubs = StubUpstreams.start();
    }

    @AfterAll
    static void stopStubs() {
        stubs.close();
    }

    @Test
    void aKeyLimitOfNCallsServesExactlyNOnOneNode() throws Exception {
        FundedDeveloper dev = FundedDeveloper.create(1_000_000, N * COST_MICROS);
        Outcome outcome = FixedCostCalls.inParallel(dev.apiKey(), CALLS, THREADS, List.of(TestTarget.baseUrl()));
        assertEquals(new Outcome(N, 0, CALLS - N), outcome);
        assertSpent(dev, N, 1_000_000);
        assertKeyLeasesSpent(dev);
    }

    @Test
    void aKeyLimitOfNCallsServesExactlyNWithTwoNodesTakingTurns() throws Exception {
        FundedDeveloper dev = FundedDeveloper.create(1_000_000, N * COST_MICROS);
        Outcome outcome = FixedCostCalls.inParallel(dev.apiKey(), CALLS, THREADS, twoNodes());
        assertEquals(new Outcome(N, 0, CALLS - N), outcome);
        assertSpent(dev, N, 1_000_000);
        assertKeyLeasesSpent(dev);
    }

    /**
     * A call of a key with a credit limit is held from the node's balance and key leases in memory (decision 0018):
     * the node's metrics count no per-call database hold, and the group commit runs one piece per call (its charge)
     * plus a few lease top-ups, where per-call holds took two (hold and charge).
     */
    @Test
    void aKeyLimitedCallTakesNoDatabaseRoundTripBeforeItsCharge() throws Exception {
        int calls = 100;
        FundedDeveloper dev = FundedDeveloper.create(1_000_000, 4 * calls * COST_MICROS);
        assertEquals(200, FixedCostCalls.call(TestTarget.baseUrl(), dev.apiKey(), 0).statusCode()); // leases opened
        String before = NodeMetrics.scrape(TestTarget.baseUrl());
        for (int i = 1; i <= calls; i++) {
            HttpResponse<String> r = FixedCostCalls.call(TestTarget.baseUrl(), dev.apiKey(), i);
            assertEquals(200, r.statusCode(), () -> Http.describe(r));
        }
        String after = NodeMetrics.scrape(TestTarget.baseUrl());
        long fromLeases = NodeMetrics.delta(before, after, "marketplace_hold_sources_total{source=\"lease\"}");
        long fromDatabase = NodeMetrics.delta(before, after, "marketplace_hold_sources_total{source=\"database\"}");
        long pieces = NodeMetrics.delta(before, after, "marketplace_group_commit_batch_size_sum");
        long batches = NodeMetrics.delta(before, after, "marketplace_group_commit_batch_size_count");
        System.out.printf("%d key-limited calls: %d holds from leases, %d per-call database holds, %d group-commit"
                + " pieces in %d transactions (%.2f pieces per call)%n", calls, fromLeases, fromDatabase, pieces, batches,
                pieces / (double) calls);
        assertEquals(calls, fromLeases, "every call held in memory");
        assertEquals(0, fromDatabase, "no per-call hold in the database");
        assertTrue(pieces >= calls, "each call's charge is a group-commit piece: " + pieces);
        assertTrue(pieces <= calls + calls / 8, "one piece per call plus a few lease top-ups, not two per call: "
                + pieces);
        assertSpent(dev, calls + 1, 1_000_000);
    }

    @Test
    void aCreditOfNCallsServesExactlyNOnOneNode() throws Exception {
        FundedDeveloper dev = FundedDeveloper.create(N * COST_MICROS, null);
        Outcome outcome = FixedCostCalls.inParallel(dev.apiKey(), CALLS, THREADS, List.of(TestTarget.baseUrl()));
        assertEquals(new Outcome(N, CALLS - N, 0), outcome);
        assertSpent(dev, N, N * COST_MICROS);
    }

    @Test
    void aCreditOfNCallsServesExactlyNWithTwoNodesTakingTurns() throws Exception {
        FundedDeveloper dev = FundedDeveloper.create(N * COST_MICROS, null);
        Outcome outcome = FixedCostCalls.inParallel(dev.apiKey(), CALLS, THREADS, twoNodes());
        assertEquals(new Outcome(N, CALLS - N, 0), outcome);
        assertSpent(dev, N, N * COST_MICROS);
    }

    /** The key's usage reached its limit: no open key lease may still hold any of it. */
    private static void assertKeyLeasesSpent(FundedDeveloper dev) throws Exception {
        try (Connection c = Db.connect()) {
            assertEquals(0, Db.queryLong(c, "select coalesce(sum(held_micros), 0) from key_lease where api_key_id = ?"
                    + " and status = 'open'", dev.keyId()), "usage + open key leases never above the limit");
        }
    }

    static List<String> twoNodes() {
        return List.of(TestTarget.baseUrl(), TestTarget.baseUrl2());
    }

    /** Exactly n calls recorded and charged, the balance is the credit minus their cost, no hold left open. */
    private static void assertSpent(FundedDeveloper dev, int n, long creditMicros) throws Exception {
        try (Connection c = Db.connect()) {
            assertEquals(n, Db.queryLong(c, "select count(*) from usage_record where api_key_id = ? and status = 'ok'",
                    dev.keyId()), "one usage record per served call");
            assertEquals(n * COST_MICROS, Db.queryLong(c, "select coalesce(sum(cost_micros), 0) from usage_record"
                    + " where api_key_id = ?", dev.keyId()));
            assertEquals(creditMicros - n * COST_MICROS, Db.queryLong(c,
                    "select coalesce(sum(amount_micros), 0) from ledger_posting where account_code = ?", dev.account()),
                    "the postings: credit minus exactly n charges");
            assertEquals(0, Db.queryLong(c, "select count(*) from ledger_hold where account_code = ? and status = 'open'",
                    dev.account()), "no call's hold left open");
            long leased = Db.queryLong(c, "select coalesce(sum(held_micros), 0) from balance_lease"
                    + " where account_code = ? and status = 'open'", dev.account());
            assertEquals(leased, Db.queryLong(c, "select held_micros from account_balance where account_code = ?",
                    dev.account()), "what is still held is held by open leases, which give it back when idle");
        }
    }
}
