package dev.marketplace.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.billing.charges.UsageCharge;
import dev.marketplace.catalog.stats.EndpointStatsCollector;
import dev.marketplace.gateway.domain.ChatRequest;
import dev.marketplace.keys.infrastructure.KeyState;
import dev.marketplace.metering.application.TokenCounter;
import dev.marketplace.metering.application.UsageRecorder;
import dev.marketplace.metering.domain.UsageRecord;
import dev.marketplace.metering.domain.UsageStatus;
import dev.marketplace.platform.JsonP;
import dev.marketplace.routing.domain.Route;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provider member's self-test of its own non-live listing is recorded at cost 0 with no charge and no hold; every
 * recorded call, self-test or not, is counted once in the endpoint stats, after its record was written.
 */
class SelfTestSettlementTest {
    private static final Route ROUTE = HoldSizingTest.route(3_000_000, 15_000_000);
    private static final ChatRequest REQUEST = ChatRequest.parse(JsonP.createReader(new StringReader("""
            {"model":"a/b","messages":[{"role":"user","content":"hi"}]}""")).readObject());
    private static final JsonObject USAGE = JsonP.createObjectBuilder().add("prompt_tokens", 1_000)
            .add("completion_tokens", 2_000).build();

    private final Recorder recorder = new Recorder();
    private final Stats stats = new Stats();
    private final Settlement settlement = new Settlement();

    SelfTestSettlementTest() {
        settlement.recorder = recorder;
        settlement.tokens = new TokenCounter();
        settlement.stats = stats;
    }

    @Test
    void aSelfTestCostsNothingAndWritesNoCharge() {
        Call call = Call.selfTest("gen-self", new KeyState(1, 2, true), REQUEST, List.of(ROUTE), 10, 4_000,
                System.nanoTime());
        Metered m = settlement.meter(call, ROUTE, USAGE, "text");
        assertEquals(0, m.costMicros());
        assertFalse(m.capped(), "a zero hold must not flag the usage as capped");
        assertEquals(2_000, m.completionTokens());
        settlement.charge(call, ROUTE, m, UsageStatus.OK, "stop");
        assertEquals(0, recorder.charges.size());
        assertEquals(1, recorder.selfTests.size());
        UsageRecord usage = recorder.selfTests.get(0);
        assertTrue(usage.selfTest());
        assertEquals(0, usage.costMicros());
        assertEquals(0, usage.holdMicros());
        settlement.fail(call, ROUTE);
        assertNull(recorder.failedHoldId, "a self-test has no hold to release");
        assertEquals(List.of(ROUTE.listingId() + " OK 2000", ROUTE.listingId() + " ERROR 0"), stats.seen);
    }

    @Test
    void aCallWhoseRecordWasNotWrittenIsNotCounted() {
        Call call = new Call("gen-lost", new KeyState(1, 2, true), REQUEST, List.of(ROUTE), 10, 4_000, 1_000_000,
                System.nanoTime());
        recorder.failWrites = true;
        Metered m = settlement.meter(call, ROUTE, USAGE, "text");
        assertEquals("write failed", assertThrows(IllegalStateException.class,
                () -> settlement.charge(call, ROUTE, m, UsageStatus.OK, "stop")).getMessage());
        assertEquals(List.of(), stats.seen);
    }

    @Test
    void aPaidCallIsChargedAsBefore() {
        Call call = new Call("gen-paid", new KeyState(1, 2, true), REQUEST, List.of(ROUTE), 10, 4_000, 1_000_000,
                System.nanoTime());
        Metered m = settlement.meter(call, ROUTE, USAGE, "text");
        assertEquals(33_000, m.costMicros()); // 1,000 × $3/M + 2,000 × $15/M
        settlement.charge(call, ROUTE, m, UsageStatus.OK, "stop");
        assertEquals(0, recorder.selfTests.size());
        assertEquals(33_000, recorder.charges.get(0).grossMicros());
        assertFalse(recorder.chargedUsage.get(0).selfTest());
        assertEquals(List.of(ROUTE.listingId() + " OK 2000"), stats.seen);
    }

    /** Remembers what the settle path counted: listing, status, completion tokens. */
    private static final class Stats extends EndpointStatsCollector {
        final List<String> seen = new ArrayList<>();

        @Override
        public void observe(long listingId, UsageStatus status, long latencyMs, long completionTokens, boolean capped) {
            seen.add(listingId + " " + status + " " + completionTokens);
        }
    }

    private static final class Recorder extends UsageRecorder {
        final List<UsageRecord> selfTests = new ArrayList<>();
        final List<UsageCharge> charges = new ArrayList<>();
        final List<UsageRecord> chargedUsage = new ArrayList<>();
        String failedHoldId = "not called";
        boolean failWrites;

        @Override
        public void recordSelfTest(UsageRecord usage) {
            selfTests.add(usage);
        }

        @Override
        public void recordCharged(UsageRecord usage, UsageCharge charge) {
            if (failWrites) {
                throw new IllegalStateException("write failed");
            }
            chargedUsage.add(usage);
            charges.add(charge);
        }

        @Override
        public void recordFailed(UsageRecord usage, String holdId) {
            failedHoldId = holdId;
        }
    }
}
