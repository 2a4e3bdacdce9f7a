package dev.marketplace.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/developer", "/developer?tab=keys", "/admin#top", "/a/b%2F//c"})
    void acceptsPathsOnThisSite(String path) {
        assertEquals(Optional.of(path), ReturnPath.local(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
            "https://evil.example/", "developer", "javascript:alert(1)", "/dev eloper", "/a\r\nSet-Cookie: x=1",
            "/tab\tx", "/\u0000"})
    void refusesAnythingThatCouldLeaveTheSite(String path) {
        assertEquals(Optional.empty(), ReturnPath.local(path));
    }

    @ParameterizedTest
    @CsvSource({"1999, true", "2000, true", "2001, false"})
    void putsALimitOnLength(int length, boolean accepted) {
        String path = "/" + "a".repeat(length - 1);
        assertEquals(accepted, ReturnPath.local(path).isPresent());
    }
}
