package dev.marketplace.onboarding.verification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyLimitsTest {
    private final LatencyLimits limits = new LatencyLimits(1_000, 5_000);

    @Test
    void withinLimitsPassesAndKeepsTheNumbers() {
        CheckResult r = limits.judge(1_000L, 5_000L, 700L);
        assertTrue(r.passed(), r.message());
        assertEquals(1_000L, r.numbers().get("first_token_ms"));
        assertEquals(5_000L, r.numbers().get("stream_total_ms"));
        assertEquals(700L, r.numbers().get("completion_ms"));
    }

    @Test
    void slowFirstTokenFails() {
        CheckResult r = limits.judge(1_001L, 2_000L, 700L);
        assertFalse(r.passed());
        assertTrue(r.message().contains("first token allowed within 1000 ms"), r.message());
    }

    @Test
    void slowTotalFails() {
        assertFalse(limits.judge(10L, 5_001L, null).passed());
    }

    @Test
    void noTokenAtAllFails() {
        CheckResult r = limits.judge(null, null, 700L);
        assertFalse(r.passed());
        assertEquals(700L, r.numbers().get("completion_ms"));
    }
}
