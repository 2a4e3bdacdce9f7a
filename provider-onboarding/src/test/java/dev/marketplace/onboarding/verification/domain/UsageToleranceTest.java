package dev.marketplace.onboarding.verification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UsageToleranceTest {

    @ParameterizedTest(name = "reported {0} vs counted {1}: within = {2}")
    @CsvSource({
            "100, 100, true",
            "135, 100, true",   // exactly +35%
            "65, 100, true",    // exactly -35%
            "136, 100, false",
            "64, 100, false",
            "27, 20, true",     // +35% of 20 = 27
            "28, 20, false",
            "13, 20, true",     // -35% of 20 = 13
            "12, 20, false",
            "0, 0, true",
            "1, 0, false",
            "0, 1, false",
            "300, 100, false"   // a lying upstream: usage x3
    })
    void withinThirtyFivePercentBoundariesIncluded(long reported, long counted, boolean within) {
        assertEquals(within, UsageTolerance.within(reported, counted));
    }

    @Test
    void tripledUsageFailsAndSaysWhichFigure() {
        CheckResult r = UsageTolerance.judge("cl100k_base", List.of(
                new UsageSample("non-streaming", 120L, 33L, 40, 11, false)));
        assertFalse(r.passed());
        assertEquals(Check.USAGE, r.check());
        assertTrue(r.message().contains("prompt_tokens 120 where cl100k_base counts 40 (+200%)"), r.message());
        assertTrue(r.message().contains("completion_tokens 33 where cl100k_base counts 11 (+200%)"), r.message());
        assertEquals(120L, r.numbers().get("non_streaming_prompt_reported"));
        assertEquals(40L, r.numbers().get("non_streaming_prompt_counted"));
    }

    @Test
    void missingUsageFails() {
        CheckResult r = UsageTolerance.judge("cl100k_base", List.of(
                new UsageSample("streaming", null, null, 40, 11, false)));
        assertFalse(r.passed());
        assertTrue(r.message().contains("the streaming reply reported no usage"), r.message());
    }

    @Test
    void onlyOneFigureMissingFailsToo() {
        CheckResult r = UsageTolerance.judge("cl100k_base", List.of(
                new UsageSample("streaming", 40L, null, 40, 11, false)));
        assertFalse(r.passed());
    }

    @Test
    void aFailedCallFailsTheCheck() {
        CheckResult r = UsageTolerance.judge("cl100k_base", List.of(
                new UsageSample("non-streaming", 40L, 11L, 40, 11, false), UsageSample.failedCall("streaming")));
        assertFalse(r.passed());
        assertTrue(r.message().contains("the streaming call failed"), r.message());
    }

    @Test
    void exactEdgesOnBothCallsPass() {
        CheckResult r = UsageTolerance.judge("cl100k_base", List.of(
                new UsageSample("non-streaming", 54L, 13L, 40, 20, false),
                new UsageSample("streaming", 26L, 27L, 40, 20, false)));
        assertTrue(r.passed(), r.message());
        assertTrue(r.message().contains("cl100k_base"));
    }
}
