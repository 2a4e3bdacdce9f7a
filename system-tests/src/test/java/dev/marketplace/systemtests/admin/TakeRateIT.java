package dev.marketplace.systemtests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import dev.marketplace.systemtests.support.Http;
import dev.marketplace.systemtests.support.TestTarget;
import dev.marketplace.systemtests.support.WithStubUpstreams;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A take rate scheduled a few seconds ahead is applied by the timer at its time, and the next call's split uses it:
 * fee = round half up(gross × bps / 10,000), share = gross − fee, to the micro-dollar; a call before used the old rate.
 */
@ExtendWith(WithStubUpstreams.class)
class TakeRateIT {
    static final String MODEL = "portal/rated";
    static final String PROVIDER = "portal-rate";
    static final int NEW_BPS = 1_234;
    /** The applier runs every second, then every node rebuilds its snapshot within a second. */
    static final Duration APPLIED_WITHIN = Duration.ofSeconds(3);

    @Test
    void anEffectiveDatedRateAppliesAtItsTimeAndTheNextSplitUsesIt() throws Exception {
        long providerId;
        int oldBps;
        try (Connection c = Db.connect()) {
            providerId = Db.queryLong(c, "select id from provider where slug = ?", PROVIDER);
            oldBps = (int) Db.queryLong(c, "select take_rate_bps from provider where id = ?", providerId);
            Db.queryLong(c, """
                    with s as (insert into provider_take_rate_change (provider_id, take_rate_bps, effective_at, reason,
                                                                     created_by)
                               values (?, ?, now() + interval '4 seconds', 'system test', 'admin') returning 1)
                    select count(*) from s""", providerId, NEW_BPS);
        }
        assertSplit(call(), providerId, oldBps);

        long deadline = System.nanoTime() + Duration.ofSeconds(4).plus(APPLIED_WITHIN).toNanos();
        long applied = 0;
        while (applied == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try (Connection c = Db.connect()) {
                applied = Db.queryLong(c, "select count(*) from provider_take_rate_change where provider_id = ? "
                        + "and take_rate_bps = ? and applied_at is not null and applied_at >= effective_at", providerId, NEW_BPS);
            }
        }
        assertEquals(1, applied, "applied by the timer at (not before) its effective time");
        try (Connection c = Db.connect()) {
            assertEquals(NEW_BPS, Db.queryLong(c, "select take_rate_bps from provider where id = ?", providerId));
        }
        Thread.sleep(1_500); // the catalog version poll (1 s) carries the provider row to the snapshot
        assertSplit(call(), providerId, NEW_BPS);
    }

    private static String call() {
        HttpResponse<String> reply = Http.postJson(TestTarget.apiUrl() + "/chat/completions", TestTarget.apiKey(),
                "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"a call whose split we "
                        + "check to the micro-dollar\"}],\"max_tokens\":64}");
        assertEquals(200, reply.statusCode(), Http.describe(reply));
        return Http.json(reply.body()).getString("id");
    }

    private static void assertSplit(String generation, long providerId, int bps) throws Exception {
        try (Connection c = Db.connect()) {
            long gross = Db.usage(c, generation).orElseThrow().costMicros();
            assertTrue(gross > 0);
            long fee = Math.floorDiv(gross * bps + 5_000, 10_000);
            List<Db.Posting> postings = Db.postings(c, generation);
            assertEquals(gross - fee, amount(postings, "provider:" + providerId + ":payable"), postings.toString());
            assertEquals(fee, amount(postings, "platform:revenue:take"), postings.toString());
        }
    }

    private static long amount(List<Db.Posting> postings, String account) {
        return postings.stream().filter(p -> p.accountCode().equals(account)).mapToLong(Db.Posting::amountMicros).sum();
    }
}
