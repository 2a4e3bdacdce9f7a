package dev.marketplace.metering.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySlicesTest {

    @ParameterizedTest(name = "hold {0}, lacking {1}: ask {2}")
    @CsvSource({
            "110, 110, 1760",              // 16 calls' worth
            "110, 50, 1760",               // the lease covers part of the call already
            "1000000, 1000000, 5000000",   // capped at $5
            "6000000, 6000000, 6000000",   // one call above the cap still asks for that call
            "6000000, 1, 5000000",
    })
    void aTopUpAsksForSixteenCallsAtMostFiveDollarsAtLeastWhatTheCallLacks(long hold, long need, long want) {
        assertEquals(want, KeySlices.want(hold, need));
    }

    @ParameterizedTest(name = "remaining {0}, want {1}, min {2}: grant {3}")
    @CsvSource({
            "6710, 1760, 110, 1760",   // plenty: what was asked
            "2000, 1760, 110, 1000",   // at most half of what remains
            "219, 1760, 110, 110",     // half is below one call: one call
            "110, 1760, 110, 110",     // exactly one call left: granted
            "109, 1760, 110, 0",       // one micro short of a call: nothing
            "0, 1760, 110, 0",
            "-500, 1760, 110, 0",      // over the limit (it was lowered): nothing
    })
    void aGrantGivesHalfOfWhatRemainsButAtLeastOneCallAndNothingBelowIt(long remaining, long want, long min,
                                                                       long granted) {
        assertEquals(granted, KeySlices.grant(remaining, want, min));
    }

    @ParameterizedTest(name = "a limit of {0} calls of {1} micros")
    @CsvSource({"61, 110", "1, 110", "2, 110", "1000, 7", "3, 1000000"})
    void oneNodeToppingUpCallByCallServesExactlyTheCallsOfTheLimit(int n, long hold) {
        long remaining = n * hold;
        long free = 0; // what the node's lease holds and no call reserved, as KeyLeases tops it up
        int served = 0;
        while (true) {
            if (free >= hold) {
                free -= hold;
                served++;
                continue;
            }
            long need = hold - free;
            long granted = KeySlices.grant(remaining, KeySlices.want(hold, need), need);
            if (granted == 0) {
                break;
            }
            remaining -= granted;
            free += granted;
        }
        assertEquals(n, served);
        assertEquals(0, remaining, "the whole limit was leased");
        assertEquals(0, free, "and nothing of it is stranded in the lease");
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeySlices.want(0, 0));
        assertThrows(IllegalArgumentException.class, () -> KeySlices.want(100, 101));
        assertThrows(IllegalArgumentException.class, () -> KeySlices.grant(1000, 50, 100));
        assertThrows(IllegalArgumentException.class, () -> KeySlices.grant(1000, 100, 0));
    }
}
