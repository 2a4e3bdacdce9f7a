package dev.marketplace.onboarding.verification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReprobeTimerTest {

    @Test
    void intervalSettings() {
        assertEquals(Duration.ofMinutes(15), ReprobeTimer.interval(""));
        assertEquals(Duration.ofMinutes(15), ReprobeTimer.interval(null));
        assertEquals(Duration.ofSeconds(2), ReprobeTimer.interval("2"));
        assertEquals(Duration.ofMinutes(5), ReprobeTimer.interval("PT5M"));
        assertThrows(IllegalArgumentException.class, () -> ReprobeTimer.interval("0"));
        assertThrows(RuntimeException.class, () -> ReprobeTimer.interval("soon"));
    }

    @Test
    void ticksAreAFifteenthOfTheIntervalBetweenOneSecondAndAMinute() {
        assertEquals(60_000, ReprobeTimer.tickMs(Duration.ofMinutes(15)));
        assertEquals(1_000, ReprobeTimer.tickMs(Duration.ofSeconds(2)));
        assertEquals(4_000, ReprobeTimer.tickMs(Duration.ofMinutes(1)));
    }
}
