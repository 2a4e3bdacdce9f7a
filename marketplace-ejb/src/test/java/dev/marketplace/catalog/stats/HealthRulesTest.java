package dev.marketplace.catalog.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HealthRulesTest {
    @Test
    void uptimeIsSuccessfulOverTotal() {
        assertEquals(1.0, HealthRules.uptime(2, 0));
        assertEquals(0.75, HealthRules.uptime(3, 1));
        assertEquals(0.0, HealthRules.uptime(0, 4));
    }

    @Test
    void uptimeWithoutCallsIsUnknownNotZeroOrOne() {
        assertNull(HealthRules.uptime(0, 0));
    }

    @Test
    void cancelledCallsCountNeitherWay() {
        assertTrue(HealthRules.countsForUptime("ok"));
        assertTrue(HealthRules.countsForUptime("error"));
        assertFalse(HealthRules.countsForUptime("cancelled"));
        // MinuteCountersTest checks that the counters keep cancelled calls apart from ok and error
    }

    @Test
    void negativeCountsAreABug() {
        assertThrows(IllegalArgumentException.class, () -> HealthRules.uptime(-1, 0));
    }

    @Test
    void throughputIsCompletionTokensPerSecond() {
        assertEquals(100.0, HealthRules.throughput(100, 1000));
        assertEquals(200.0, HealthRules.throughput(50, 250));
        assertEquals(0.0, HealthRules.throughput(0, 40));
        assertEquals(3.0, HealthRules.throughput(3, 1000));
    }

    @Test
    void aCallWithoutMeasurableTimeHasNoThroughput() {
        assertNull(HealthRules.throughput(10, 0));
        assertNull(HealthRules.throughput(10, -5));
    }
}
