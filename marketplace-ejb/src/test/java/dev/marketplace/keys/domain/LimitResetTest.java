package dev.marketplace.keys.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LimitResetTest {
    @ParameterizedTest
    @CsvSource({
            // 2026-11-25 is a Wednesday
            "NONE,    2026-11-25T15:41:06Z, 1970-01-01T00:00:00Z",
            "DAILY,   2026-11-25T15:41:06Z, 2026-11-25T00:00:00Z",
            "DAILY,   2026-11-25T00:00:00Z, 2026-11-25T00:00:00Z",
            "WEEKLY,  2026-11-25T15:41:06Z, 2026-11-23T00:00:00Z",
            "WEEKLY,  2026-11-23T00:00:00Z, 2026-11-23T00:00:00Z",
            "WEEKLY,  2026-11-22T23:59:59Z, 2026-11-16T00:00:00Z",
            "MONTHLY, 2026-11-25T15:41:06Z, 2026-11-01T00:00:00Z",
            "MONTHLY, 2026-12-01T00:00:00Z, 2026-12-01T00:00:00Z",
    })
    void periodStartsAtUtcBoundaries(LimitReset reset, String now, String start) {
        assertEquals(Instant.parse(start), reset.periodStart(Instant.parse(now)));
    }

    @Test
    void wireValues() {
        assertEquals(Optional.of(LimitReset.NONE), LimitReset.fromWire(null));
        assertEquals(Optional.of(LimitReset.DAILY), LimitReset.fromWire("daily"));
        assertEquals(Optional.of(LimitReset.WEEKLY), LimitReset.fromWire("weekly"));
        assertEquals(Optional.of(LimitReset.MONTHLY), LimitReset.fromWire("monthly"));
        assertEquals(Optional.empty(), LimitReset.fromWire("yearly"));
        assertEquals(Optional.empty(), LimitReset.fromWire("none"));
        assertEquals(Optional.empty(), LimitReset.fromWire("Daily"));
        assertNull(LimitReset.NONE.wireValue());
    }

    @Test
    void usageCountsAgainstTheLimitOfItsPeriodAndRemainingNeverGoesNegative() {
        KeyUsage usage = new KeyUsage(900, 100, 300, 600);
        assertEquals(900, usage.sinceReset(LimitReset.NONE));
        assertEquals(100, usage.sinceReset(LimitReset.DAILY));
        assertEquals(300, usage.sinceReset(LimitReset.WEEKLY));
        assertEquals(600, usage.sinceReset(LimitReset.MONTHLY));
        assertEquals(400L, usage.remainingMicros(500L, LimitReset.DAILY));
        assertEquals(0L, usage.remainingMicros(500L, LimitReset.NONE));
        assertNull(usage.remainingMicros(null, LimitReset.DAILY));
    }
}
