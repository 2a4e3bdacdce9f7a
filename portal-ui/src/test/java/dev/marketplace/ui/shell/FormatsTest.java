package dev.marketplace.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({
            "0, $0.000000",
            "1, $0.000001",
            "99998750, $99.998750",
            "100000000, $100.000000",
            "-1, -$0.000001",
            "-2500000, -$2.500000",
            "9223372036854775807, $9223372036854.775807",
            "-9223372036854775808, -$9223372036854.775808"})
    void printsExactMicroUsd(long micros, String expected) {
        assertEquals(expected, Formats.usd(micros));
    }

    @Test
    void printsTimesInUtc() {
        assertEquals("2026-03-01 09:05:07 UTC", Formats.time(Instant.parse("2026-03-01T09:05:07.999Z")));
        assertEquals("", Formats.time(null));
    }
}
