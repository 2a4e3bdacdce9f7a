package dev.marketplace.onboarding.verification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeReportTest {

    @Test
    void passesOnlyWhenEveryCheckRanAndPassed() {
        ProbeReport report = ProbeReport.empty();
        for (Check check : Check.values()) {
            assertFalse(report.passed(), "incomplete after " + report.results().size());
            report = report.with(CheckResult.pass(check, "ok", Map.of()));
        }
        assertTrue(report.passed());
        ProbeReport oneFailed = new ProbeReport(List.of(CheckResult.pass(Check.PROTOCOL, "", Map.of()),
                CheckResult.pass(Check.COMPLETION, "", Map.of()), CheckResult.pass(Check.STREAMING, "", Map.of()),
                CheckResult.fail(Check.USAGE, "x3"), CheckResult.pass(Check.LATENCY, "", Map.of())));
        assertFalse(oneFailed.passed());
        assertEquals(List.of("usage"), oneFailed.failedChecks());
    }

    @Test
    void jsonRoundTrip() {
        ProbeReport report = ProbeReport.empty()
                .with(CheckResult.pass(Check.PROTOCOL, "fine \"quoted\"", Map.of()))
                .with(CheckResult.fail(Check.USAGE, "lying", Map.of("streaming_prompt_reported", 120L)));
        String json = report.toJson();
        assertTrue(json.contains("\"check\":\"usage\""), json);
        assertEquals(report, ProbeReport.fromJson(json));
    }
}
