package dev.marketplace.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboxBellTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "9, 9", "99, 99", "100, 99+", "12345, 99+"})
    void theBadgeStaysShort(int unread, String label) {
        assertEquals(label, InboxBell.label(unread));
    }
}
