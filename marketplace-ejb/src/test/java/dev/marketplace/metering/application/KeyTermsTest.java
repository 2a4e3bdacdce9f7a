package dev.marketplace.metering.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.keys.domain.KeyKind;
import dev.marketplace.keys.domain.LimitReset;
import dev.marketplace.keys.infrastructure.KeyState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A key lease serves calls only in the period (UTC) and under the limit it was granted for. */
class KeyTermsTest {

    private static KeyState key(Long limit, LimitReset reset) {
        return new KeyState(7, 1, true, KeyKind.API, false, null, limit, reset, null);
    }

    @ParameterizedTest(name = "{0}: granted {1}, still current {2}: {3}")
    @CsvSource({
            "DAILY, 2026-11-25T23:59:59.999Z, 2026-11-25T00:00:00Z, true",
            "DAILY, 2026-11-25T23:59:59.999Z, 2026-11-26T00:00:00Z, false",
            "WEEKLY, 2026-11-29T23:59:59Z, 2026-11-23T00:00:00Z, true",   // Sunday, the week began on Monday
            "WEEKLY, 2026-11-29T23:59:59Z, 2026-11-30T00:00:00Z, false",  // Monday: a new week
            "MONTHLY, 2026-11-30T23:59:59Z, 2026-11-01T00:00:00Z, true",
            "MONTHLY, 2026-11-30T23:59:59Z, 2026-12-01T00:00:00Z, false",
            "NONE, 2026-11-25T12:00:00Z, 2099-01-01T00:00:00Z, true",     // a limit that never resets
    })
    void aLeaseIsCurrentUntilItsPeriodEnds(LimitReset reset, String granted, String now, boolean current) {
        KeyTerms terms = KeyTerms.of(key(1_000L, reset), Instant.parse(granted));
        assertEquals(current, terms.currentAt(Instant.parse(now)));
    }

    @Test
    void aNewPeriodOrAnotherLimitOrResetAreOtherTerms() {
        Instant evening = Instant.parse("2026-11-25T23:00:00Z");
        KeyTerms granted = KeyTerms.of(key(1_000L, LimitReset.DAILY), evening);
        assertEquals(granted, KeyTerms.of(key(1_000L, LimitReset.DAILY), evening.plusSeconds(3599)));
        assertNotEquals(granted, KeyTerms.of(key(1_000L, LimitReset.DAILY), evening.plusSeconds(3600)));
        assertNotEquals(granted, KeyTerms.of(key(999L, LimitReset.DAILY), evening));
        assertNotEquals(granted, KeyTerms.of(key(1_000L, LimitReset.MONTHLY), evening));
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), granted.periodStart());
        assertTrue(granted.currentAt(evening));
        assertFalse(granted.currentAt(evening.plusSeconds(3600)));
    }

    @Test
    void aKeyWithoutALimitHasNoTerms() {
        assertThrows(IllegalArgumentException.class, () -> KeyTerms.of(key(null, LimitReset.NONE), Instant.now()));
    }
}
