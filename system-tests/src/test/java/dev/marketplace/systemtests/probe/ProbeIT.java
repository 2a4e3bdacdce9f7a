package dev.marketplace.systemtests.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.systemtests.support.Db;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The re-probe timer (every 3 s on the test stack) against stubs of this test: an honest upstream passes every check,
 * one reporting three times the usage fails the usage check alone, one whose stream breaks fails streaming, and one
 * that is down fails three times in a row, which pauses the live listing and tells the provider's members.
 */
class ProbeIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static ProbeStubs stubs;
    private static final List<Long> created = new ArrayList<>();

    @BeforeAll
    static void startStubs() throws Exception {
        stubs = ProbeStubs.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (long listing : created) {
            ProbeListings.retire(listing);
        }
        stubs.close();
    }

    private static long liveListing(String label, int port, String member) throws Exception {
        ProbeListings.Created c = ProbeListings.create(label, port, "live", member);
        created.add(c.listingId());
        ProbeListings.seedOldPassedRun(c.listingId());
        return c.listingId();
    }

    @Test
    void anHonestUpstreamPassesEveryCheck() throws Exception {
        long listing = liveListing("honest", ProbeStubs.HONEST_PORT, null);
        ProbeListings.Run run = ProbeListings.awaitScheduledRun(listing, WAIT);
        assertEquals("passed", run.status(), () -> run.details().toString());
        assertEquals(List.of(), run.failedChecks());
        assertEquals(List.of("protocol", "completion", "streaming", "usage", "latency"),
                run.details().stream().map(v -> v.asJsonObject().getString("check")).toList());
        var usage = run.check("usage");
        assertEquals(usage.getJsonObject("numbers").getJsonNumber("streaming_prompt_counted").longValue(),
                usage.getJsonObject("numbers").getJsonNumber("streaming_prompt_reported").longValue());
        assertTrue(usage.getString("message").contains("cl100k_base"), usage.toString());
        assertNotNull(run.latencyMs());
        assertTrue(run.check("latency").getJsonObject("numbers").containsKey("first_token_ms"));
    }

    @Test
    void anUpstreamReportingThreeTimesTheUsageFailsTheUsageCheck() throws Exception {
        long listing = liveListing("lying", ProbeStubs.LYING_PORT, null);
        ProbeListings.Run run = ProbeListings.awaitScheduledRun(listing, WAIT);
        assertEquals("failed", run.status());
        assertEquals(List.of("usage"), run.failedChecks());
        String message = run.check("usage").getString("message");
        assertTrue(message.contains("+200%") && message.contains("prompt_tokens"), message);
    }

    @Test
    void anUpstreamWhoseStreamBreaksFailsStreaming() throws Exception {
        long listing = liveListing("breaks", ProbeStubs.BREAKS_PORT, null);
        ProbeListings.Run run = ProbeListings.awaitScheduledRun(listing, WAIT);
        assertEquals("failed", run.status());
        assertTrue(run.failedChecks().contains("streaming"), run.failedChecks().toString());
        assertTrue(run.check("protocol").getBoolean("passed"));
        assertTrue(run.check("streaming").getString("message").contains("[DONE]"), run.check("streaming").toString());
    }

    @Test
    void threeFailuresInARowPauseTheListingAndNotifyTheMembers() throws Exception {
        String member = "probe-member-" + System.nanoTime();
        long listing = liveListing("down", ProbeStubs.DOWN_PORT, member);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!ProbeListings.listingStatus(listing).startsWith("paused") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        String status = ProbeListings.listingStatus(listing);
        assertTrue(status.startsWith("paused: 3 verification probes failed in a row"), status);
        List<ProbeListings.Run> runs = ProbeListings.scheduledRuns(listing);
        assertEquals(3, runs.size(), "paused after exactly three failed runs, and not probed again once paused");
        runs.forEach(r -> assertEquals("failed", r.status()));
        Thread.sleep(4_000); // longer than the interval: a paused listing is not re-probed
        assertEquals(3, ProbeListings.scheduledRuns(listing).size());
        try (Connection c = Db.connect()) {
            assertEquals(1, Db.queryLong(c, "select count(*) from inbox_notice where username = ? and subject like ?",
                    member, "Listing paused: probe-it/%"));
        }
    }
}
